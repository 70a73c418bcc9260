using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace PatentTransfer.Matching.Text.Analysis;

/// <summary>
/// Applies the folding of <see cref="TextFolding"/> (NFKC, lower case, no zero-width or control characters) in
/// front of a tokenizer, rune by rune, and records how offsets moved. Folding the string before analysis would
/// be simpler, but then token offsets point into the folded text and highlights would mark the wrong characters
/// of the stored original. Whitespace is kept as is (not collapsed) because it separates Latin words.
/// </summary>
internal sealed class FoldingCharFilter : BaseCharFilter
{
    private readonly bool _segmenterPunctuation;
    private string? _folded;
    private int _position;

    /// <param name="input">The text to fold.</param>
    /// <param name="segmenterPunctuation">
    /// Gives the ASCII punctuation that NFKC folds to (and that text has of its own) as the small form variants
    /// (, → U+FE50 ﹐, . → U+FE52 ﹒, ( → U+FE59 ﹙ …), for SmartCn. Its segmenter looks each pair of neighbouring
    /// words up in a bigram hash table whose second hash (Lucene.Net 4.8.0-beta00017) has an operator-precedence
    /// slip: for a pair ending in a character below U+0100 it is zero about once in 37, the probe then never moves,
    /// and the look-up walks all 402,137 slots (about half a millisecond). A sentence of comma-separated clauses met
    /// several such pairs and took 10-20 times as long to segment. To the segmenter a small form is the same kind of
    /// character as its ASCII original (a delimiter, absent from its dictionaries, of the same sentence-break class),
    /// so the words, positions and offsets are the same (decision 0018), and its pairs end in a character above U+00FF.
    /// </param>
    public FoldingCharFilter(TextReader input, bool segmenterPunctuation = false)
        : base(input)
    {
        _segmenterPunctuation = segmenterPunctuation;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        _folded ??= FoldInput();
        var available = Math.Min(count, _folded.Length - _position);
        if (available <= 0)
        {
            return 0;
        }

        _folded.CopyTo(_position, buffer, index, available);
        _position += available;
        return available;
    }

    public override int Read()
    {
        _folded ??= FoldInput();
        return _position < _folded.Length ? _folded[_position++] : -1;
    }

    private string FoldInput()
    {
        var input = ReadAll(m_input);
        var output = new StringBuilder(input.Length);
        var inputOffset = 0;
        var lastDifference = 0;
        foreach (var rune in input.EnumerateRunes())
        {
            var outputStart = output.Length;
            AppendFolded(rune, output);
            var inputLength = rune.Utf16SequenceLength;
            // Characters a rune expands into beyond its own length (… → ...) all map to the rune's end, so that
            // corrected offsets never decrease and a token inside an expansion never ends before it starts.
            for (var extra = outputStart + inputLength + 1; extra <= output.Length; extra++)
            {
                lastDifference = inputOffset + inputLength - extra;
                AddOffCorrectMap(extra, lastDifference);
            }

            inputOffset += inputLength;
            var difference = inputOffset - output.Length;
            if (difference != lastDifference)
            {
                AddOffCorrectMap(output.Length, difference);
                lastDifference = difference;
            }
        }

        if (_segmenterPunctuation)
        {
            // One character for one: the offsets recorded above stay right.
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = SmallForm(output[i]);
            }
        }

        return output.ToString();
    }

    private static char SmallForm(char c) => c switch
    {
        ',' => '\uFE50',
        '.' => '\uFE52',
        ';' => '\uFE54',
        ':' => '\uFE55',
        '?' => '\uFE56',
        '!' => '\uFE57',
        '(' => '\uFE59',
        ')' => '\uFE5A',
        '#' => '\uFE5F',
        '&' => '\uFE60',
        '*' => '\uFE61',
        '+' => '\uFE62',
        '-' => '\uFE63',
        '<' => '\uFE64',
        '>' => '\uFE65',
        '=' => '\uFE66',
        '$' => '\uFE69',
        '%' => '\uFE6A',
        '@' => '\uFE6B',
        _ => c,
    };

    /// <summary>
    /// Reads by blocks rather than with ReadToEnd, which Lucene's reusable string reader answers with null for
    /// an empty string.
    /// </summary>
    private static string ReadAll(TextReader reader)
    {
        var text = new StringBuilder();
        var block = new char[4096];
        int read;
        while ((read = reader.Read(block, 0, block.Length)) > 0)
        {
            text.Append(block, 0, read);
        }

        return text.ToString();
    }

    private static void AppendFolded(Rune rune, StringBuilder output)
    {
        // Most of a patent text is ASCII or CJK ideographs, which NFKC leaves alone; skipping the normaliser for
        // them keeps bulk indexing fast.
        if (rune.IsAscii)
        {
            output.Append(char.ToLowerInvariant((char)rune.Value));
            return;
        }

        if (rune.Value is >= 0x4E00 and <= 0x9FFF)
        {
            output.Append((char)rune.Value);
            return;
        }

        if (Rune.IsWhiteSpace(rune))
        {
            output.Append(' ');
            return;
        }

        if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control)
        {
            return;
        }

        var normalised = rune.ToString().Normalize(NormalizationForm.FormKC);
        foreach (var folded in normalised.EnumerateRunes())
        {
            output.Append(Rune.ToLowerInvariant(folded).ToString());
        }
    }
}
