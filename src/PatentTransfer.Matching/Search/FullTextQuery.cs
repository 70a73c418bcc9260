using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PatentTransfer.Matching.Search;

/// <summary>An analysed text field of an index and the weight of a query word found in it.</summary>
internal readonly record struct WeightedField(string Name, float Boost);

/// <summary>
/// Turns what a user typed into a query over an index's text fields, the same way for every index: the text goes
/// through the index's analyzer, each word may match in any field (the best field counts, the others add
/// <c>tieBreaker</c> of theirs), and short searches require every word.
/// </summary>
internal sealed class FullTextQuery(Analyzer analyzer, IReadOnlyList<WeightedField> fields, float tieBreaker)
{
    /// <summary>
    /// Typed searches of up to this many words require all of them, as users of any search box expect; beyond it
    /// the text is a description (a pasted demand) and any shared word counts, ranked by BM25.
    /// </summary>
    public const int AllWordsRequiredUpTo = 4;

    /// <summary>
    /// The words of a text, each with the shorter dictionary words the analyzer put at the same position
    /// (jieba's search mode: 锂离子电池 → 锂离子电池, 锂离子, 离子, 电池). A word counts as matched when any of its
    /// forms matches. Terms are distinct across the whole text.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Words(string? text)
    {
        var words = new List<List<string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(fields[0].Name, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        List<string>? current = null;
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            var startsWord = increment.PositionIncrement > 0 || current is null;
            if (!seen.Add(value))
            {
                if (startsWord)
                {
                    // A repeated word: its forms were counted where it first appeared.
                    current = null;
                }

                continue;
            }

            if (startsWord || current is null)
            {
                current = [];
                words.Add(current);
            }

            current.Add(value);
        }

        stream.End();
        return words;
    }

    /// <summary>Every form of every word: what the highlighter marks.</summary>
    public static IReadOnlySet<string> Terms(IReadOnlyList<IReadOnlyList<string>> words) =>
        words.SelectMany(forms => forms).ToHashSet(StringComparer.Ordinal);

    /// <summary>The query for <paramref name="words"/>; no words match every item.</summary>
    public Query Query(IReadOnlyList<IReadOnlyList<string>> words)
    {
        if (words.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        var query = new BooleanQuery();
        foreach (var forms in words)
        {
            if (forms.Count == 1)
            {
                query.Add(TermAcrossFields(forms[0]), Occur.SHOULD);
                continue;
            }

            var word = new BooleanQuery();
            foreach (var form in forms)
            {
                word.Add(TermAcrossFields(form), Occur.SHOULD);
            }

            query.Add(word, Occur.SHOULD);
        }

        if (words.Count <= AllWordsRequiredUpTo)
        {
            query.MinimumNumberShouldMatch = words.Count;
        }

        return query;
    }

    private DisjunctionMaxQuery TermAcrossFields(string term)
    {
        var query = new DisjunctionMaxQuery(tieBreaker);
        foreach (var field in fields)
        {
            // A weight of 0 switches a field off for text search; a query on it would only cost time.
            if (field.Boost > 0)
            {
                query.Add(new TermQuery(new Term(field.Name, term)) { Boost = field.Boost });
            }
        }

        return query;
    }
}
