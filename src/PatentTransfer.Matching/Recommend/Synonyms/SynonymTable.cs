using System.Reflection;

namespace PatentTransfer.Matching.Recommend.Synonyms;

/// <summary>
/// Near-synonyms of Chinese words, from CC-CEDICT: words the dictionary glosses with the same specific English sense
/// (挖机/挖掘机 "excavator", 撕裂/撕破 "tear", 预警/警报 "warning"). SMEs write in the trade's words and patents in the
/// drafter's; the table lets a demand's word also find the patent's (built by scripts/build-synonyms.py).
/// </summary>
public sealed class SynonymTable
{
    private const int MaxWordLength = 6;
    private readonly Dictionary<string, string[]> _synonyms;

    // The first two characters of every word: most places of a text start no word, and one look-up here rules out the
    // five of the words' lengths.
    private readonly HashSet<int> _starts;

    // A number for every word of the table, headword or synonym, so that what is known of each word can be kept in arrays.
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    private SynonymTable(Dictionary<string, string[]> synonyms)
    {
        _synonyms = synonyms;
        foreach (var word in synonyms.Keys.Concat(synonyms.Values.SelectMany(s => s)))
        {
            _ids.TryAdd(word, _ids.Count);
        }

        _starts = [.. synonyms.Keys.Where(word => word.Length >= 2).Select(word => Start(word, 0))];
    }

    /// <summary>The table shipped with the engine (read once; 50,000 words, 2 MB).</summary>
    public static SynonymTable Shipped => LazyShipped.Value;

    private static readonly Lazy<SynonymTable> LazyShipped = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PatentTransfer.Matching.synonyms-zh.tsv")
            ?? throw new InvalidOperationException("The synonym table is not embedded in the matching assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    });

    public static SynonymTable Parse(TextReader reader)
    {
        var synonyms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || line.IndexOf('\t') is var tab && tab <= 0)
            {
                continue;
            }

            synonyms[line[..tab]] = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        return new SynonymTable(synonyms);
    }

    /// <summary>How many words the table holds, headwords and synonyms (numbered from 0 by <see cref="IdOf"/>).</summary>
    public int WordCount => _ids.Count;

    /// <summary>The number of a word of the table, or -1 for a word it does not hold.</summary>
    public int IdOf(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>
    /// The words of <paramref name="text"/> the table knows, read left to right taking the longest known word at each
    /// place (so 挖掘机械 is one word, not 挖掘 and 机械 as well), each with its near-synonyms.
    /// </summary>
    public IReadOnlyList<(string Word, string[] Synonyms)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Looked up by span: a long demand has thousands of places to try, and only a few hundred are words.
        var lookup = _synonyms.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new List<(string, string[])>();
        var i = 0;
        while (i < text.Length - 1)
        {
            if (!_starts.Contains(Start(text, i)))
            {
                i++;
                continue;
            }

            var length = Math.Min(MaxWordLength, text.Length - i);
            while (length >= 2 && !lookup.TryGetValue(text.AsSpan(i, length), out _))
            {
                length--;
            }

            if (length >= 2)
            {
                lookup.TryGetValue(text.AsSpan(i, length), out var word, out var synonyms);
                found.Add((word!, synonyms!));
                i += length;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private static int Start(string text, int index) => (text[index] << 16) | text[index + 1];
}
