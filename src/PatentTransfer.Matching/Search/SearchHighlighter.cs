using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PatentTransfer.Matching.Search;

/// <summary>
/// Marks matched words in titles and picks snippets, for patents and demands alike. Written for these indexes
/// rather than taken from Lucene's highlighter so that the one rule that matters is plain to see: every character
/// of the stored text goes through <see cref="WebUtility.HtmlEncode(string)"/>, and the only markup added is
/// &lt;mark&gt;…&lt;/mark&gt; around matched words (the page renders it as markup). The text is re-analysed with the
/// index's analyzer, so matches are exactly the indexed terms, at their offsets in the original text.
/// </summary>
internal sealed class SearchHighlighter(Analyzer analyzer, int snippetLength)
{
    /// <summary>Claims can run to tens of thousands of characters; a snippet is looked for in a text's beginning.</summary>
    private const int MaxAnalysedChars = 6000;

    private const char Ellipsis = '…';
    private static readonly char[] SentenceBreaks = ['。', '；', ';', '！', '？', '!', '?', '\n'];

    public string Whole(string field, string text, IReadOnlySet<string> terms) =>
        Render(text, 0, text.Length, terms.Count == 0 ? [] : Matches(field, text, terms));

    /// <summary>
    /// The best passage of the first text or, when a later one holds more of the words, of that one: texts are
    /// given in order of preference (a patent's abstract before its claims), so a later text is only read while the
    /// passage found so far lacks some word. Without a match, the beginning of the first text that has any.
    /// </summary>
    public string Snippet(IReadOnlyList<SnippetSource> sources, IReadOnlySet<string> terms)
    {
        var leading = sources.Select(source => source.Text).FirstOrDefault(text => !string.IsNullOrEmpty(text)) ?? "";
        if (terms.Count == 0)
        {
            return Leading(leading);
        }

        Passage? best = null;
        foreach (var (field, text) in sources)
        {
            if (best is { } found && found.Distinct == terms.Count)
            {
                break;
            }

            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var candidate = Best(field, text, terms);
            if (best is null || candidate.Distinct > best.Value.Distinct)
            {
                best = candidate;
            }
        }

        return best is { Distinct: > 0 } passage ? Render(passage.Text, passage.Start, passage.End, passage.Matches) : Leading(leading);
    }

    /// <summary>The beginning of a text, encoded, without marks.</summary>
    public string Leading(string text) => Render(text, 0, ClampEnd(text, Math.Min(text.Length, snippetLength)), []);

    private Passage Best(string field, string text, IReadOnlySet<string> terms)
    {
        var analysed = text.Length > MaxAnalysedChars ? text[..ClampEnd(text, MaxAnalysedChars)] : text;
        var matches = Matches(field, analysed, terms);
        if (matches.Count == 0)
        {
            return new Passage(text, 0, 0, [], 0);
        }

        // Windows start a little before each match; the one holding the most distinct words wins, then the one
        // with most matches, then the earliest.
        var lead = snippetLength / 6;
        var bestStart = 0;
        var bestDistinct = -1;
        var bestCount = -1;
        foreach (var candidate in matches)
        {
            var start = Math.Max(0, Math.Min(candidate.Start - lead, text.Length - snippetLength));
            var end = Math.Min(text.Length, start + snippetLength);
            var inside = matches.Where(m => m.Start >= start && m.End <= end).ToList();
            var distinct = inside.Select(m => m.Term).Distinct(StringComparer.Ordinal).Count();
            if (distinct > bestDistinct || (distinct == bestDistinct && inside.Count > bestCount))
            {
                (bestStart, bestDistinct, bestCount) = (start, distinct, inside.Count);
            }
        }

        // Start at a sentence boundary when one lies between the window's start and its first match.
        var firstMatch = matches.Where(m => m.Start >= bestStart).Min(m => m.Start);
        var lastBreak = text.LastIndexOfAny(SentenceBreaks, Math.Max(bestStart, firstMatch - 1), Math.Max(0, firstMatch - bestStart));
        if (lastBreak >= bestStart && lastBreak < firstMatch)
        {
            bestStart = lastBreak + 1;
        }

        if (bestStart > 0 && char.IsLowSurrogate(text[bestStart]))
        {
            bestStart--;
        }

        var bestEnd = ClampEnd(text, Math.Min(text.Length, bestStart + snippetLength));
        var kept = matches.Where(m => m.Start >= bestStart && m.End <= bestEnd).ToList();
        return new Passage(text, bestStart, bestEnd, kept, kept.Select(m => m.Term).Distinct(StringComparer.Ordinal).Count());
    }

    private List<Match> Matches(string field, string text, IReadOnlySet<string> terms)
    {
        var matches = new List<Match>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (terms.Contains(value) && offset.EndOffset <= text.Length && offset.StartOffset < offset.EndOffset)
            {
                matches.Add(new Match(value, offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return matches;
    }

    private static string Render(string text, int start, int end, IReadOnlyList<Match> matches)
    {
        var html = new StringBuilder((end - start) + 32);
        if (start > 0)
        {
            html.Append(Ellipsis);
        }

        var position = start;
        foreach (var (spanStart, spanEnd) in MergedSpans(matches, start, end))
        {
            html.Append(WebUtility.HtmlEncode(text[position..spanStart]))
                .Append("<mark>")
                .Append(WebUtility.HtmlEncode(text[spanStart..spanEnd]))
                .Append("</mark>");
            position = spanEnd;
        }

        html.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length)
        {
            html.Append(Ellipsis);
        }

        return html.ToString();
    }

    /// <summary>Overlapping and touching matches (锂离子 + 电池) become one mark.</summary>
    private static List<(int Start, int End)> MergedSpans(IReadOnlyList<Match> matches, int start, int end)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var match in matches.Where(m => m.Start >= start && m.End <= end).OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (spans.Count > 0 && match.Start <= spans[^1].End)
            {
                spans[^1] = (spans[^1].Start, Math.Max(spans[^1].End, match.End));
            }
            else
            {
                spans.Add((match.Start, match.End));
            }
        }

        return spans;
    }

    private static int ClampEnd(string text, int end) =>
        end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;

    private readonly record struct Match(string Term, int Start, int End);

    private readonly record struct Passage(string Text, int Start, int End, IReadOnlyList<Match> Matches, int Distinct);
}

/// <summary>A stored text a snippet may be taken from, and the field it was indexed in.</summary>
internal readonly record struct SnippetSource(string Field, string? Text);
