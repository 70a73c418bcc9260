using System.Globalization;
using System.Text.RegularExpressions;
using PatentTransfer.Matching.Text;

namespace PatentTransfer.Matching.Demands;

/// <summary>
/// Reads quantified targets ("抗冲击韧性≥67%", "转变在73%以上", "克容量400-600mAh/g") out of demand text. A number
/// counts only with a comparison (a sign, a word such as 不低于, or 以上/以下 after it) or as a range with a unit, and
/// only with something measured before it; that leaves out list numbering, model numbers, standards ("GB/T
/// 31485-2015") and plain facts. Years, revenue and investment figures and staff or building counts are dropped even
/// when compared ("员工超过200人"). Whether a comparison is a goal or the current state ("目前屈服强度达到550MPa")
/// is not decided here: <see cref="DemandTextReader.Read"/> does that by sentence.
/// </summary>
internal static partial class DemandTargetParser
{
    /// <summary>A target and where its source text stands in the text it was read from.</summary>
    internal readonly record struct Found(QuantifiedTarget Target, int Start, int End);

    /// <summary>How far before a number its comparison may start: the longest word (不得超过在) and its brackets.</summary>
    private const int ComparatorReach = 16;

    public static IReadOnlyList<Found> Parse(string text)
    {
        var folded = TextFolding.FoldWidth(text);
        var found = new List<Found>();
        var floor = 0;
        for (var match = Quantity().Match(folded); match.Success; match = match.NextMatch())
        {
            if (match.Index < floor)
            {
                // Inside the words a previous target took as its indicator ("不少于600个DMA…").
                continue;
            }

            var previous = found.Count > 0 ? found[^1] : (Found?)null;
            if (Read(text, folded, match, floor, previous) is { } target)
            {
                found.Add(target);
                floor = target.End;
            }
        }

        return found;
    }

    /// <summary>A number with its comparison, unit and indicator, or null when it is not a target.</summary>
    private static Found? Read(string text, string folded, Match match, int floor, Found? previous)
    {
        var reach = Math.Max(floor, match.Index - ComparatorReach);
        var pre = PreComparator().Match(folded, reach, match.Index - reach);
        var candidate = new Candidate(match, pre);
        if (!candidate.ReadComparison() || IsYear(candidate.Value, candidate.Unit, folded, candidate.End)
            || candidate.Unit is { Length: > QuantifiedTarget.MaxUnitLength })
        {
            return null;
        }

        if (!ReadIndicator(text, folded, candidate, floor, previous) || !candidate.Refine(text, folded, floor) || !IsKept(candidate))
        {
            return null;
        }

        var indicator = candidate.Indicator.Trim();
        if (indicator.Length > QuantifiedTarget.MaxIndicatorLength)
        {
            indicator = indicator[^QuantifiedTarget.MaxIndicatorLength..];
        }

        return new Found(
            new QuantifiedTarget(indicator, candidate.Comparator, candidate.Value, candidate.Upper, candidate.Unit, text[candidate.Start..candidate.End]),
            candidate.Start,
            candidate.End);
    }

    /// <summary>
    /// Where the indicator comes from: the previous target's for a value joined by 或 ("1.2μm或0.2μm以上"), the words
    /// before the comparison, or, when those are only a verb ("能实现", "对"), the words after the number.
    /// </summary>
    private static bool ReadIndicator(string text, string folded, Candidate candidate, int floor, Found? previous)
    {
        if (previous is { } before && FollowOn().IsMatch(folded[floor..candidate.ComparisonStart]))
        {
            candidate.SetIndicator(before.Target.Indicator, floor);
            return true;
        }

        if (Indicator(folded, candidate.ComparisonStart, floor, candidate.ExplicitComparator) is { } range
            && !VerbOnly().IsMatch(folded[range.Start..range.End]))
        {
            candidate.SetIndicator(text[range.Start..range.End], range.Start);
            return true;
        }

        if (After(folded, candidate.End) is { } after)
        {
            // "对不少于600个DMA确定…", "能实现-40°C到40°C的温度变化范围内": what is measured follows the number.
            candidate.SetIndicator(text[after.Start..after.End], candidate.ComparisonStart);
            candidate.End = Math.Max(candidate.End, after.End);
            return true;
        }

        return false;
    }

    /// <summary>
    /// What is left out even when compared: a bare number read off a word unless it measures a ratio or grade
    /// ("动态范围常不超过4而无法…", "提供最多6通道" but "强屈比≥1.26", "耐腐蚀等级达到10"), company facts, head and
    /// building counts, and money other than costs ("年销售收入超过5000万元" but "单台成本不超过3万元").
    /// </summary>
    private static bool IsKept(Candidate candidate)
    {
        var unit = candidate.Unit;
        if (unit is null && !candidate.BySymbol && candidate.Comparator != TargetComparator.Between
            && !RatioIndicator().IsMatch(candidate.Indicator))
        {
            return false;
        }

        if (CompanyFact().IsMatch(candidate.Indicator) || unit is "人" or "名" or "位" or "栋" or "座" or "间")
        {
            return false;
        }

        return unit is null || !unit.Contains('元', StringComparison.Ordinal) || CostIndicator().IsMatch(candidate.Indicator);
    }

    /// <summary>
    /// The comparator from the word before the number and the word after it. A sign or an explicit word decides;
    /// a neutral link (在, 为, 控制在, 达到) takes its direction from 以上/以下/以内 after the number. 达到 alone means
    /// "at least"; 控制在…左右 means "about", read as equal.
    /// </summary>
    private static string? Resolve(string comparatorWord, string post)
    {
        var after = post switch
        {
            "以上" or "及以上" or "或以上" => TargetComparator.AtLeast,
            "以下" or "及以下" or "或以下" or "以内" or "之内" or "内" => TargetComparator.AtMost,
            _ => null,
        };
        var before = comparatorWord switch
        {
            ">=" or "≥" or "≧" or "大于等于" or "大于或等于" or "不小于" or "不低于" or "不少于" or "不得低于" or "不得少于"
                or "不得小于" or "不应低于" or "不应小于" or "至少" or "最少" => TargetComparator.AtLeast,
            "<=" or "≤" or "≦" or "小于等于" or "小于或等于" or "不大于" or "不高于" or "不超过" or "不多于" or "不得超过"
                or "不得大于" or "不得高于" or "不应超过" or "不应大于" or "严禁超过" or "至多" or "最多" => TargetComparator.AtMost,
            ">" or "大于" or "高于" or "超过" or "多于" => TargetComparator.GreaterThan,
            "<" or "小于" or "低于" or "少于" => TargetComparator.LessThan,
            "=" => TargetComparator.Equal,
            _ => null,
        };

        if (before is null && comparatorWord.Length is 2 or 3 && comparatorWord[^1] is '至' or '到')
        {
            // "降噪至40分贝", "缩短至", "提升到": a lower or higher value to reach.
            before = comparatorWord[0] is '降' or '减' or '缩' ? TargetComparator.AtMost
                : comparatorWord[0] is '提' or '升' or '增' ? TargetComparator.AtLeast : null;
        }

        if (before is TargetComparator.GreaterThan or TargetComparator.LessThan or TargetComparator.Equal)
        {
            return before;
        }

        if (after is not null)
        {
            return after;
        }

        if (before is not null)
        {
            return before;
        }

        // Not 可达: "火灾旺盛区的温度可达1000℃" describes a condition.
        return comparatorWord switch
        {
            "达到" => TargetComparator.AtLeast,
            "控制在" or "保持在" or "维持在" or "稳定在" when post == "左右" => TargetComparator.Equal,
            _ => null,
        };
    }

    /// <summary>One number being read as a target; the steps of <see cref="Read"/> fill and correct it.</summary>
    private sealed class Candidate(Match match, Match pre)
    {
        public string ComparatorWord { get; } = pre.Success ? pre.Groups["cmp"].Value : string.Empty;

        /// <summary>Where the comparison starts: its word or sign, else the number.</summary>
        public int ComparisonStart { get; } = pre.Success ? pre.Index : match.Index;

        public bool BySymbol => ComparatorWord is ">=" or "≥" or "≧" or "<=" or "≤" or "≦" or ">" or "<" or "=";

        /// <summary>A comparison that names its direction; 在, 为 and 达 only link the indicator to the number.</summary>
        public bool ExplicitComparator => pre.Success && ComparatorWord is not ("在" or "为" or "达");

        public string Post { get; private set; } = string.Empty;

        public string? Unit { get; private set; }

        public string Comparator { get; private set; } = string.Empty;

        public decimal Value { get; private set; }

        public decimal? Upper { get; private set; }

        public string Indicator { get; private set; } = string.Empty;

        public int Start { get; private set; }

        public int End { get; set; }

        public void SetIndicator(string indicator, int start)
        {
            Indicator = indicator;
            Start = start;
        }

        /// <summary>The number, unit and comparator; false when there is no comparison (or range) to read.</summary>
        public bool ReadComparison()
        {
            Unit = match.Groups["unit"].Success ? match.Groups["unit"].Value
                : match.Groups["prefix"].Success ? match.Groups["prefix"].Value
                : match.Groups["u1"].Success ? match.Groups["u1"].Value
                : null;
            Post = match.Groups["post"].Value;
            if (Post == "内" && (Unit is null || !TimeUnit().IsMatch(Unit)))
            {
                // "1h内" bounds a time; after other units "内" is usually "…内部".
                Post = string.Empty;
            }

            End = match.Index + match.Length - (match.Groups["post"].Value.Length - Post.Length);
            if (!TryParse(match.Groups["n1"].Value, out var value))
            {
                return false;
            }

            Value = value;
            if (match.Groups["n2"].Success)
            {
                return ReadRange();
            }

            if (match.Groups["pm"].Success)
            {
                // "控制在±1um以内", "提升到±1.5mm": a tolerance, at most that far off. A bare "±2.5mm" states the present.
                Comparator = TargetComparator.AtMost;
                return Post is "以内" or "之内" or "以下"
                    || ComparatorWord is "控制在" or "提升到" or "提升至" or "提高到" or "提高至" or "达到" or "≤" or "<=";
            }

            Comparator = Resolve(ComparatorWord, Post) ?? string.Empty;
            return Comparator.Length > 0;
        }

        private bool ReadRange()
        {
            if (!TryParse(match.Groups["n2"].Value, out var high) || high <= Value)
            {
                // "4.3-3.0v" is a charge window written high to low, "3-2" a model: neither is a range we can trust.
                return false;
            }

            if (Unit is null && Post is not ("之间" or "范围内"))
            {
                // Without a unit, "2011-2015" or "31485-2015" are periods and standard numbers.
                return false;
            }

            if (match.Groups["u1"].Success && match.Groups["unit"].Success && match.Groups["u1"].Value != match.Groups["unit"].Value)
            {
                // "0℃/38℃-20150W" is two readings side by side, not a range.
                return false;
            }

            Upper = high;
            Comparator = TargetComparator.Between;
            return true;
        }

        /// <summary>Corrections the indicator's words call for; false when they show it is not a target.</summary>
        public bool Refine(string text, string folded, int floor)
        {
            if (FromValue().Match(Indicator) is { Success: true } from)
            {
                // "投矿量由目前的290t/h提升至330t/h": what follows 由 is the old value. With nothing before it, the
                // clause before names the measure ("降低耗能，由原来的每天600度电降至450度以下"), or nothing does
                // ("由±2.5mm提升到±1.5mm").
                if (from.Index > 0)
                {
                    Indicator = Indicator[..from.Index].TrimEnd();
                }
                else if (Start > floor + 1 && PreviousClause(folded, Start - 1, floor) is { } earlier)
                {
                    SetIndicator(text[earlier.Start..earlier.End], earlier.Start);
                }
                else
                {
                    return false;
                }
            }

            if (TimeQualifier().IsMatch(Indicator))
            {
                // "1d内达到53MPa以上", "28d达到70MPa": the words before only say when; what is measured was said earlier.
                return false;
            }

            if (Comparator is TargetComparator.LessThan or TargetComparator.AtMost
                && LowerBound().Match(Indicator) is { Success: true } lower && TryParse(lower.Groups["low"].Value, out var low) && low < Value)
            {
                // "内孔表面处理层硬度180≤HB＜240": both bounds of one range.
                Upper = Value;
                Value = low;
                Comparator = TargetComparator.Between;
                Unit ??= lower.Groups["symbol"].Length > 0 ? lower.Groups["symbol"].Value : null;
                Indicator = Indicator[..lower.Index].TrimEnd();
            }

            if (ComparatorWord == "达到" && Post.Length == 0 && Tolerance().IsMatch(Indicator))
            {
                // "定位孔精度要求达到φ0.5mm": reaching a precision means staying within it.
                Comparator = TargetComparator.AtMost;
            }

            return Indicator.Length > 0;
        }
    }

    /// <summary>
    /// The indicator's place: the clause before the comparison, back to a clause mark, a colon, an unclosed bracket
    /// or the previous target, with numbering, connectives and link verbs taken off. After "硬度:≥60HRC" or
    /// "表面粗糙度：Ra≤0.2" the words before the colon name what is measured.
    /// </summary>
    private static (int Start, int End)? Indicator(string folded, int end, int floor, bool explicitComparator)
    {
        var (start, stoppedAtColon) = ClauseStart(folded, end, floor);
        var (from, to) = Clean(folded, start, end);
        if (stoppedAtColon && explicitComparator && (to - from == 0 || !HasChinese(folded, from, to)))
        {
            // The colon ends the name: take the clause before it, and the symbol after it with it ("表面粗糙度：Ra").
            var (before, _) = ClauseStart(folded, start - 1, floor);
            var (beforeFrom, beforeTo) = Clean(folded, before, start - 1);
            if (beforeTo > beforeFrom)
            {
                to = to > from ? to : beforeTo;
                from = beforeFrom;
            }
        }

        if (to <= from || HeadingWord().IsMatch(folded[from..to]))
        {
            // "预期目标：2年内…" has nothing measured before the number; the heading is not an indicator.
            return null;
        }

        // "要求把基础油的硫含量降到300ppm以下": what is measured is the object of 把/将/使, not the request.
        var subject = LastMatch(ObjectMarker(), folded, from, to);
        if (subject is { } marker && to - (marker.Index + marker.Length) >= 2)
        {
            from = marker.Index + marker.Length;
        }

        if (to - from > QuantifiedTarget.MaxIndicatorLength)
        {
            from = to - QuantifiedTarget.MaxIndicatorLength;
        }

        while (from < to && char.IsWhiteSpace(folded[from]))
        {
            from++;
        }

        return (from, to);
    }

    /// <summary>The clause that ends at the mark before <paramref name="mark"/>, cleaned, when it has words.</summary>
    private static (int Start, int End)? PreviousClause(string folded, int mark, int floor)
    {
        if (!ClauseMarks.Contains(folded[mark]))
        {
            return null;
        }

        var (start, _) = ClauseStart(folded, mark, floor);
        var (from, to) = Clean(folded, start, mark);
        return to - from >= 2 && !HasDigit(folded, from, to) ? (from, to) : null;
    }

    private static bool HasDigit(string text, int from, int to) => text.AsSpan(from, to - from).IndexOfAnyInRange('0', '9') >= 0;

    /// <summary>
    /// The words after the number up to the end of the clause, when they name a measure. Not when they hold a number
    /// of their own: in "90%以上的节点压力平均模拟误差小于2m" and "1h内抗压强度35MPa" the first number only qualifies.
    /// </summary>
    private static (int Start, int End)? After(string folded, int start)
    {
        var end = start;
        while (end < folded.Length && end - start < QuantifiedTarget.MaxIndicatorLength
            && !ClauseMarks.Contains(folded[end]) && folded[end] is not ('(' or ')' or ':'))
        {
            if (char.IsAsciiDigit(folded[end]))
            {
                return null;
            }

            end++;
        }

        var phrase = AfterPhrase().Match(folded, start, end - start);
        var name = phrase.Groups["name"];
        return name.Length >= 2 ? (name.Index, name.Index + name.Length) : null;
    }

    private static (int Start, bool StoppedAtColon) ClauseStart(string folded, int end, int floor)
    {
        var depth = 0;
        for (var i = end - 1; i >= floor; i--)
        {
            var character = folded[i];
            if (SentenceMarks.Contains(character) || (character == ')' && ListNumberBefore(folded, i)))
            {
                // A sentence end, or numbering as in "（三）主要技术指标（1）管网…误差小于26kPa", whatever the brackets.
                return (i + 1, false);
            }

            if (character == ')')
            {
                depth++;
            }
            else if (character == '(')
            {
                if (depth == 0)
                {
                    return (i + 1, false);
                }

                depth--;
            }
            else if (depth == 0 && character == ':')
            {
                return (i + 1, true);
            }
            else if (depth == 0 && ClauseMarks.Contains(character))
            {
                return (i + 1, false);
            }
        }

        return (floor, false);
    }

    /// <summary>Whether the bracket at <paramref name="close"/> ends list numbering: "(1)", "（三）", "7）" but not "dB(A)".</summary>
    private static bool ListNumberBefore(string folded, int close)
    {
        var first = close;
        while (first > 0 && close - first < 3 && (char.IsAsciiDigit(folded[first - 1]) || "一二三四五六七八九十".Contains(folded[first - 1])))
        {
            first--;
        }

        if (first == close)
        {
            return false;
        }

        var before = first > 0 ? folded[first - 1] : ' ';
        if (before == '(')
        {
            return first < 2 || !char.IsAsciiLetterOrDigit(folded[first - 2]);
        }

        return !char.IsAsciiLetterOrDigit(before) && before is not ('.' or '-' or '/' or '~' or ':');
    }

    private const string SentenceMarks = "。；;！？!?\n\r\t";

    private const string ClauseMarks = "，,。；;！？!?、\n\r\t【】《》\"“”";

    private static (int From, int To) Clean(string folded, int from, int to)
    {
        while (true)
        {
            var span = folded[from..to];
            var lead = LeadingFiller().Match(span);
            var trail = TrailingLink().Match(span);
            if (lead.Length == 0 && trail.Length == 0)
            {
                return (from, to);
            }

            from += lead.Length;
            to = Math.Max(from, to - (trail.Success && trail.Index >= lead.Length ? trail.Length : 0));
        }
    }

    private static Match? LastMatch(Regex pattern, string text, int from, int to)
    {
        Match? last = null;
        for (var match = pattern.Match(text, from, to - from); match.Success; match = match.NextMatch())
        {
            last = match;
        }

        return last;
    }

    private static bool HasChinese(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is >= '\u4E00' and <= '\u9FFF')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYear(decimal value, string? unit, string folded, int end) =>
        value is >= 1900 and <= 2100 && decimal.Truncate(value) == value
        && (unit is "年" or "年度" || (end < folded.Length && folded[end] is '年' or '-' or '.' or '/'));

    private static bool TryParse(string number, out decimal value) =>
        decimal.TryParse(
            number.Replace(",", string.Empty, StringComparison.Ordinal),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out value);

    private const string Number = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

    // Units after a number, longest first where one starts another (万元 before 万, 个月 before 个). ASCII units may
    // not run on into a letter, so "304N不锈钢" keeps its N only as far as the comparison rule lets it.
    private const string BaseUnit =
        @"(?:(?i:mAh|kWh|MWh|Wh|Ah|GPa|MPa|kPa|Pa|kN|MHz|kHz|GHz|Hz|dB\(A\)|dBA|dB|ppm|ppb|[μµ]m|um|nm|mm[23²³]?|cm[23²³]?"
        + @"|km[2²]?|m[23²³]?|mg|kg|ml|kV|mV|mA|kA|MW|kW|ms|[μµ]s|min|rpm|HRC|HV|HB|lm|lx|kΩ|MΩ|t|g|L|V|A|W|s|h|d|N)(?![A-Za-z])"
        + @"|%|‰|℃|°C|°|Ω"
        + "|万美元|美元|万元|亿元|元|万吨|吨|千克|公斤|毫克|克|斤|纳米|微米|毫米|厘米|平方厘米|平方米|立方厘米|立方米|平米|公里|千米|米"
        + "|毫升|升|摄氏度|度电|度|小时|分钟|分贝|分|毫秒|秒|个月|月|天|日|周次|周|年|万次|次|遍|倍|万个|个|万件|件|万只|只"
        + "|万台|台|万套|套|万条|条|项|人|名|栋|座|间|万亩|亩|粒|目|级|转|帧|兆帕|千瓦|瓦|伏|赫兹|流明|㎡|㎜|㎝|㎏|㎞"
        + "|亿美元|亿吨|亿只|亿件|亿个|亿|万)";

    private const string Unit = BaseUnit + "(?:/" + BaseUnit + ")*";

    [GeneratedRegex(
        @"(?<![A-Za-z0-9.·_\-])(?<open>\()?(?<prefix>(?i:HRC|HV|HB))?\s?(?<pm>±)?[φΦ]?(?<n1>-?(?:" + Number + @"))"
        + @"(?:\s?(?<u1>" + Unit + @"))?"
        + @"(?:\s*(?:~|〜|-|—|–|至|到)\s*[φΦ]?(?<n2>-?(?:" + Number + @")))?"
        + @"(?(open)\))(?:多|余)?(?:\s?(?<unit>" + Unit + @"))?"
        + @"(?<post>及以上|或以上|以上|及以下|或以下|以下|以内|之内|之间|范围内|左右|内)?")]
    private static partial Regex Quantity();

    [GeneratedRegex(
        "(?<cmp>大于或等于|大于等于|小于或等于|小于等于|不小于|不低于|不少于|不得低于|不得少于|不得小于|不应低于|不应小于"
        + "|不大于|不高于|不超过|不多于|不得超过|不得大于|不得高于|不应超过|不应大于|严禁超过|至少|最少|至多|最多"
        + "|大于|小于|高于|低于|超过|少于|多于|提高到|提高至|提升到|提升至|增加到|增加至|增大到|增大至|增至|升至|升到"
        + "|[降减缩][低少小短噪温耗]?[至到]|[提升增][高升加大]?[至到]|控制在|保持在|维持在|稳定在"
        + "|可达到|达到|可达|>=|<=|≥|≧|≤|≦|>|<|=|在|为|达)了?\\s*(?:在|为|到|至)?\\s*\\(?\\s*(?:(?i:HRC|HV|HB)\\s?)?\\z")]
    private static partial Regex PreComparator();

    // Single characters only where they rarely begin a measured noun: 使 but not 使用寿命, 应 but not 应力.
    [GeneratedRegex(@"\A(?:\s|[""“”'‘’]|\(?\d{1,2}\)|\d{1,2}(?:、|\.(?!\d))|[①-⑳]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
        + "|并且|而且|同时|其中|以及|另外|此外|最终|要求|需要|必须|应该|应当|能够|可以|使得|使其|保证|确保|实现|满足|通过"
        + "|预计|预期|希望|目标是|目标为|(?:目标|指标|要求|参数)\\s+|特别是|尤其是|对于|适用于|可达到|可达|达到|且|并(?![联网行发])|使(?!用)|让|将|把"
        + "|需(?!求)|须|应(?![力变用])|其(?![他它中余])|则|即)+")]
    private static partial Regex LeadingFiller();

    // Not 能 or 达 at the end: they close 性能 and 雷达; 应 only where it is "should", not 响应 or 效应. "缩短至≤30分钟"
    // leaves its verb before the sign.
    [GeneratedRegex(@"(?:\s|的|均|都|需|要|须|必须|需要|要求|分别|一般|通常|基本|最终|可以|能够|为|在|是|将|(?<![响效反供适对感相])应|(?:缩短|降低|减少|减小|提高|提升|增加|增大|降|升|减)(?:至|到))+\z")]
    private static partial Regex TrailingLink();

    [GeneratedRegex(@"\A\s*(?:或者|或|和|及|与|、|/)?\s*\z")]
    private static partial Regex FollowOn();

    [GeneratedRegex(@"[由从][^，,。；;:\d]{0,6}?[±φ]?\d")]
    private static partial Regex FromValue();

    [GeneratedRegex(@"\A\d+(?:\.\d+)?\s*(?:[A-Za-z]{1,3}|天|小时|分钟|年|个月|月|周)?(?:内|后|前|以内)?\z")]
    private static partial Regex TimeQualifier();

    [GeneratedRegex(@"(?<low>\d+(?:\.\d+)?)\s*(?:≤|<=|<|≦)\s*(?<symbol>[A-Za-z]{1,4})?\s*\z")]
    private static partial Regex LowerBound();

    [GeneratedRegex("(?:误差|偏差|公差|精度|粗糙度|损耗|噪声|噪音)\\z")]
    private static partial Regex Tolerance();

    [GeneratedRegex(@"\A(?:(?:我|本)?公司|企业|我们)?(?:能|可|能够|可以|需|要|预期|预计|计划|争取|力争)?(?:实现|达到|满足|提供|保证|确保|要求|具有|具备|产出|输出|生产|产生|获得|在|为|对|有|是)?\z")]
    private static partial Regex VerbOnly();

    [GeneratedRegex(@"\G(?:的|之)?(?<name>.*?)(?:的)?(?:变化)?(?:范围内|范围|之内|以内|内|之间)?\z")]
    private static partial Regex AfterPhrase();

    [GeneratedRegex("把|将|使得|使其|使(?!用)|让|要求|确保|保证|实现")]
    private static partial Regex ObjectMarker();

    [GeneratedRegex("(?:比|率|系数|指数|值|数|度|级|等级|倍数|因子|pH|PH)\\s*\\z")]
    private static partial Regex RatioIndicator();

    [GeneratedRegex(@"\A(?:预期|主要|技术|考核|性能|质量|研究|项目|阶段)?(?:目标|指标|要求|参数)\z")]
    private static partial Regex HeadingWord();

    [GeneratedRegex("^(?:年|年度|个月|月|周|天|日|小时|h|min|分钟|秒|s|ms|d)$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeUnit();

    [GeneratedRegex("成本|费用|价格|单价|售价|造价|电费|能耗|运行费|运营费|维护费")]
    private static partial Regex CostIndicator();

    /// <summary>What is measured about the company rather than asked of the technology.</summary>
    [GeneratedRegex("成立|注册资|员工|职工|在职|从业人员|技术人员|研发人员|科研人员|工程师|博士|硕士|本科|职称|学历|厂房|办公|占地|建筑面积"
        + "|销售|营业|收入|营收|利润|利税|产值|纳税|资产|市值|融资|投资|投入|预算|经费")]
    private static partial Regex CompanyFact();
}
