namespace PatentTransfer.Matching.Search;

/// <param name="Total">How many patents match in all, not only on this page.</param>
public sealed record PatentSearchResult(int Total, IReadOnlyList<PatentHit> Hits);

/// <summary>One patent in a result list.</summary>
/// <param name="TitleHighlighted">The title, HTML-encoded, with matched words wrapped in &lt;mark&gt;…&lt;/mark&gt;.
/// Safe to render as markup: nothing else in it is unescaped.</param>
/// <param name="SnippetHighlighted">The best passage of the abstract or claims, encoded and marked the same way;
/// "…" shows where it was cut.</param>
public sealed record PatentHit(Guid Id, float Score, string TitleHighlighted, string SnippetHighlighted);
