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
    private readonly Dictionary<string, SynonymEntry> _entries;

    // The first two characters of every headword, each with the lengths of the headwords that start with them (bit L
    // for length L): most places of a text start no word, and of the others most start words of one or two lengths.
    private readonly Dictionary<int, int> _starts = [];

    // A number for every word of the table, headword or synonym, so that what is known of each word can be kept in arrays.
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    private SynonymTable(Dictionary<string, string[]> synonyms)
    {
        foreach (var word in synonyms.Keys.Concat(synonyms.Values.SelectMany(s => s)))
        {
            _ids.TryAdd(word, _ids.Count);
        }

        _entries = synonyms.ToDictionary(
            pair => pair.Key, pair => new SynonymEntry(pair.Key, _ids[pair.Key], pair.Value, [.. pair.Value.Select(s => _ids[s])]), StringComparer.Ordinal);
        foreach (var word in synonyms.Keys.Where(word => word.Length is >= 2 and <= MaxWordLength))
        {
            _starts[Start(word, 0)] = _starts.GetValueOrDefault(Start(word, 0)) | (1 << word.Length);
        }
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

    /// <summary>How many words the table holds, headwords and synonyms (numbered from 0, see <see cref="SynonymEntry"/>).</summary>
    public int WordCount => _ids.Count;

    /// <summary>
    /// The words of <paramref name="text"/> the table knows, read left to right taking the longest known word at each
    /// place (so 挖掘机械 is one word, not 挖掘 and 机械 as well), each with its near-synonyms.
    /// </summary>
    public IReadOnlyList<SynonymEntry> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Looked up by span: a long demand has thousands of places to try, and only a few hundred are words.
        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new List<SynonymEntry>();
        var i = 0;
        while (i < text.Length - 1)
        {
            SynonymEntry? entry = null;
            if (_starts.TryGetValue(Start(text, i), out var lengths))
            {
                for (var length = Math.Min(MaxWordLength, text.Length - i); length >= 2 && entry is null; length--)
                {
                    if ((lengths & (1 << length)) != 0)
                    {
                        lookup.TryGetValue(text.AsSpan(i, length), out entry);
                    }
                }
            }

            if (entry is not null)
            {
                found.Add(entry);
                i += entry.Word.Length;
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

/// <summary>
/// A headword of the <see cref="SynonymTable"/> and its near-synonyms, each with its number in the table (from 0 to
/// <see cref="SynonymTable.WordCount"/>), so that what is known of a word can be kept in an array rather than looked up
/// by its text.
/// </summary>
public sealed record SynonymEntry(string Word, int Id, string[] Synonyms, int[] SynonymIds);
