namespace PatentTransfer.Matching.Demands;

/// <param name="Total">How many demands match in all, not only on this page.</param>
public sealed record DemandSearchResult(int Total, IReadOnlyList<DemandHit> Hits);

/// <summary>One demand in a result list; the page loads what else it shows from the database by <see cref="Id"/>.</summary>
/// <param name="TitleHighlighted">The title, HTML-encoded, with matched words wrapped in &lt;mark&gt;…&lt;/mark&gt;.
/// Safe to render as markup: nothing else in it is unescaped.</param>
/// <param name="SnippetHighlighted">The best passage of the problem, targets, product or basis, encoded and marked
/// the same way; "…" shows where it was cut.</param>
public sealed record DemandHit(Guid Id, float Score, string TitleHighlighted, string SnippetHighlighted);
