
namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// Which query words each of a few result documents contains, read from the index's postings (reached from the words'
/// term states) rather than by analysing the documents' texts again. Each word's value is its query weight ×
/// idf × the weight of the best field it is in, and its share is taken of all the words found. Single characters
/// (what SmartCn leaves of words it does not know: 衬|板) and character pairs count in the score but are not listed:
/// they back the words up, and a list of them explains nothing to a reader.
/// </summary>
internal static class MatchedTermReader
{
    public static Dictionary<int, IReadOnlyList<MatchedTerm>> Read(
        TermContexts lookup, IReadOnlyCollection<int> docs, IReadOnlyList<QueryTerm> terms, IReadOnlyDictionary<string, float> fieldBoosts)
    {
        var found = docs.Distinct().ToDictionary(d => d, _ => new Dictionary<string, double>(StringComparer.Ordinal));
        var reader = lookup.Reader;
        var total = reader.NumDocs;
        var words = terms.Where(t => !t.IsBigram).ToList();
        foreach (var (field, boost) in fieldBoosts)
        {
            if (boost <= 0)
            {
                continue;
            }

            var contexts = lookup.Of(field, words.Select(w => w.Text));
            var values = words.ToDictionary(w => w.Text, w => w.Weight * boost * MatchQueries.Idf(total, contexts[w.Text].DocFreq), StringComparer.Ordinal);
            lookup.ForEachHolder(field, words.Select(w => w.Text), found.Keys, (text, doc, _) =>
            {
                var seen = found[doc];
                seen[text] = Math.Max(seen.GetValueOrDefault(text), values[text]);
            });
        }

        return found.ToDictionary(
            f => f.Key,
            f =>
            {
                var sum = f.Value.Values.Sum();
                return (IReadOnlyList<MatchedTerm>)f.Value
                    .Where(t => t.Key.Length > 1)
                    .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
                    .Select(t => new MatchedTerm(t.Key, sum > 0 ? t.Value / sum : 0))
                    .ToList();
            });
    }
}
