using System.Text.RegularExpressions;

namespace PatentTransfer.Matching.Demands;

/// <summary>
/// Cuts width-folded demand text into sentences and clauses, as ranges that together cover it. A sentence ends at
/// 。！？；, a line break or a tab, and a list item ("1、", "（2）", "3)", "①", "二、") starts a new one even when the
/// SME ran the items together ("…成本较大，每年…2、效果不太理想").
/// </summary>
internal static partial class DemandTextUnits
{
    private const string SentenceEnds = "。！？；;!?\n\r\t";

    private const string ClauseEnds = "，,：:";

    /// <summary>
    /// The sentences of [<paramref name="start"/>, <paramref name="end"/>): where each starts, where its text starts
    /// after its list numbering, and where it ends (after the spaces that follow it).
    /// </summary>
    public static IEnumerable<(int Start, int TextStart, int End)> Sentences(string folded, int start, int end)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            if (SentenceEnds.Contains(folded[i]))
            {
                i++;
                while (i < end && (char.IsWhiteSpace(folded[i]) || folded[i] is '"' or '”' or '’'))
                {
                    i++;
                }

                yield return WithNumbering(folded, sentenceStart, i);
                sentenceStart = i;
                continue;
            }

            if (i > sentenceStart && ListItemAt(folded, sentenceStart, i, end) > 0)
            {
                yield return WithNumbering(folded, sentenceStart, i);
                sentenceStart = i;
            }

            i++;
        }

        if (sentenceStart < end)
        {
            yield return WithNumbering(folded, sentenceStart, end);
        }
    }

    /// <summary>The clauses of a sentence, each ending after its comma or colon; commas inside numbers ("1,000") do not cut.</summary>
    public static IReadOnlyList<(int Start, int End)> Clauses(string folded, int start, int end)
    {
        var clauses = new List<(int, int)>();
        var clauseStart = start;
        for (var i = start; i < end; i++)
        {
            if (ClauseEnds.Contains(folded[i]) && !InNumber(folded, i))
            {
                clauses.Add((clauseStart, i + 1));
                clauseStart = i + 1;
            }
        }

        if (clauseStart < end)
        {
            clauses.Add((clauseStart, end));
        }

        return clauses;
    }

    /// <summary>Where the clause holding <paramref name="index"/> starts, not before <paramref name="floor"/>.</summary>
    public static int ClauseStart(string folded, int floor, int index)
    {
        for (var i = index - 1; i >= floor; i--)
        {
            if ((ClauseEnds.Contains(folded[i]) || SentenceEnds.Contains(folded[i])) && !InNumber(folded, i))
            {
                return i + 1;
            }
        }

        return floor;
    }

    /// <summary>Where the clause holding <paramref name="index"/> ends, not after <paramref name="ceiling"/>.</summary>
    public static int ClauseEnd(string folded, int index, int ceiling)
    {
        for (var i = index; i < ceiling; i++)
        {
            if ((ClauseEnds.Contains(folded[i]) || SentenceEnds.Contains(folded[i])) && !InNumber(folded, i))
            {
                return i + 1;
            }
        }

        return ceiling;
    }

    private static (int Start, int TextStart, int End) WithNumbering(string folded, int start, int end)
    {
        var length = ListItemAt(folded, start, start, end);
        return (start, start + length, end);
    }

    /// <summary>
    /// The length of the list numbering at <paramref name="index"/> with the spaces after it, or 0. "1.", "1，" and
    /// "二、" count only after a break ("1.2", "分别为1，2" and "统一、规范" are not lists); nothing counts right after a digit, a Latin
    /// letter or a point, which would make it part of a number or a code ("ZL2017…", "GB/T 31485-2015"), except a
    /// bracketed "（3）"; nor after an opening bracket: "（2）" is numbered from its bracket.
    /// </summary>
    private static int ListItemAt(string folded, int sentenceStart, int index, int end)
    {
        var match = ListItem().Match(folded, index, end - index);
        if (!match.Success)
        {
            return 0;
        }

        var previous = index > 0 ? folded[index - 1] : ' ';
        var bracketed = folded[index] == '(';
        if (!bracketed && (char.IsAsciiLetterOrDigit(previous) || previous is '.' or '-' or '/' or '_' or '('))
        {
            return 0;
        }

        if (match.Groups["closing"].Success && folded.AsSpan(sentenceStart, index - sentenceStart).Count('(')
            > folded.AsSpan(sentenceStart, index - sentenceStart).Count(')'))
        {
            // "(FeO:SiO2:CaO约为35：18:8)" and "（12~36）V" close a bracket; they do not number anything.
            return 0;
        }

        var afterBreak = index == sentenceStart || char.IsWhiteSpace(folded[index - 1]) || SentenceEnds.Contains(folded[index - 1])
            || ClauseEnds.Contains(folded[index - 1]);
        return match.Groups["loose"].Success && !afterBreak ? 0 : match.Length;
    }

    private static bool InNumber(string folded, int index) =>
        folded[index] == ',' && index > 0 && index + 1 < folded.Length
        && char.IsAsciiDigit(folded[index - 1]) && char.IsAsciiDigit(folded[index + 1]);

    [GeneratedRegex(
        @"\G(?:\(\d{1,2}\)|(?<closing>\d{1,2}\))|\d{1,2}、|[①-⑳]|\([一二三四五六七八九十]{1,3}\)"
        + @"|(?<loose>\d{1,2}(?:\.(?!\d)|[，,](?!\d))|第?[一二三四五六七八九十]{1,3}[、，,]))[ \t\u3000]*")]
    private static partial Regex ListItem();
}
