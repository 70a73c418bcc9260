using System.Text.RegularExpressions;

namespace PatentTransfer.Matching.Demands;

/// <summary>What a heading says its section holds.</summary>
internal enum DemandSectionKind
{
    /// <summary>No heading (text before the first one) or a heading naming two parts (需求内容及预期目标): read by sentence.</summary>
    Open,
    Problem,
    Targets,
    Basis,
    Background,

    /// <summary>Budget, cooperation mode, contact (项目预算, 合作方式): kept with the problem, left out of the core text.</summary>
    Terms,
}

/// <summary>A section heading found in a demand's text; <see cref="End"/> includes its colon and the spaces after.</summary>
internal readonly record struct DemandHeading(int Start, int End, DemandSectionKind Kind);

internal static class DemandSectionKinds
{
    /// <summary>The part a section's sentences go to unless read otherwise; terms and open sections count as problem.</summary>
    public static DemandTextPart Part(this DemandSectionKind kind) => kind switch
    {
        DemandSectionKind.Targets => DemandTextPart.Targets,
        DemandSectionKind.Basis => DemandTextPart.Basis,
        DemandSectionKind.Background => DemandTextPart.Background,
        _ => DemandTextPart.Problem,
    };
}

/// <summary>
/// Finds the headings SMEs give the platform form's parts: "需求内容：", "一、需求内容", "1、预期目标:", "【预期目标】",
/// "（3）现有工作基础1.…", "技术指标：（预期目标）", "现有工作基础（包括已投入资金）：". A distinctive heading (预期目标,
/// 现有工作基础) counts anywhere before a colon, even glued to the previous sentence as in "…焊接方法预期目标：解决…";
/// without a colon only at the start of a sentence, numbered or followed by a break or a list. A common word (需求, 目标,
/// 要求, 问题) counts only at the start of a sentence and before a colon, so "预期目标为降低质量20%" and "…的问题：" stay
/// text.
/// </summary>
internal static partial class DemandTextHeadings
{
    private static readonly (DemandSectionKind Kind, bool Distinctive, string[] Words)[] Vocabulary =
    [
        (DemandSectionKind.Open, true,
        [
            "(?:需求|研究|项目|合作|技术需求)?内容(?:及|和|与)(?:预期|期望|合作|研究)?目标(?:、现有工作基础背景)?",
            "需求(?:及|和|与)(?:预期)?目标", "技术难题(?:及|和|与)(?:预期)?目标",
        ]),
        (DemandSectionKind.Problem, true,
        [
            "需求内容", "主要需求内容", "具体需求内容", "需求描述", "需求说明", "需求情况", "技术需求情况", "主要技术需求(?:如下)?",
            "具体技术需求(?:如下)?", "技术需求", "技术难题", "主要技术难题", "解决技术难题", "(?:希望|需要|需|拟|要)?解决的?(?:技术)?(?:难题|问题)(?:及预算)?",
            "拟解决的?技术[(（]项目[)）]?(?:问题|难题)[)）]?", "技术问题", "存在(?:的)?问题", "主要问题",
            "面临的(?:难题|问题)", "现在遇到的技术难题有", "项目内容", "研究内容", "主要研究内容", "研发内容", "主要内容", "技术难点",
            "征集需求", "具体需求", "合作需求", "问题描述", "预计解决(?:问题)?的方向、方式", "解决方向", "工作原理",
            "(?:技术)?(?:研发|研究|开发)的?内容", "具体(?:内容|任务)", "技术需求的?内容",
        ]),
        (DemandSectionKind.Targets, true,
        [
            "预期目标", "项目预期目标", "预期(?:要)?达到的(?:技术经济)?(?:目标|指标)", "希望达到的目标", "要求达到的(?:预期)?目标", "达到目标",
            "达到目的", "研究目标", "阶段目标", "项目目标", "技术目标", "开发目标", "合作目标", "主要目标", "预期效果", "预期成果",
            "技术指标", "主要技术指标", "主要指标", "考核指标", "主要考核指标", "性能指标", "技术参数", "主要技术参数",
            "技术经济指标", "指标要求", "质量要求", "技术要求", "性能要求", "主要功能指标", "(?:技术)?(?:研发|研究|开发)的?目标", "技术需求的?目标",
            "(?:必须|需要|需|须|应|要)?满足(?:以下|如下)(?:要求|指标|条件)", "(?:需求的)?(?:基本|主要)?(?:功能|性能|技术)?指标如下",
            "(?:拟|要|需|希望)?达到(?:以下|如下)(?:目的|目标|要求|指标)",
        ]),
        (DemandSectionKind.Basis, true,
        [
            "现有的?工作基础", "工作基础", "现有基础", "现在基础", "现有条件", "合作基础", "研究基础", "现有的研究基础", "现有研究基础",
            "已有基础", "已有工作基础", "实验基础", "科研基础", "基础条件", "目前研究进展", "研究进展", "工作进展",
            "已有的解决方案", "现有专利", "企业技术背景", "公司简介", "企业简介", "单位简介", "企业概况", "公司概况", "现有工作内容",
        ]),
        (DemandSectionKind.Background, true,
        [
            "项目背景", "研究背景", "需求背景", "立项背景", "技术背景", "背景", "项目意义", "研究意义", "立项意义",
            "意义", "必要性", "项目必要性", "市场前景", "市场分析", "发展趋势",
        ]),
        (DemandSectionKind.Terms, true,
        [
            "项目预算", "经费预算", "预算", "合作方式", "合作模式", "投资预算", "资金预算", "联系方式", "联系人",
        ]),
        (DemandSectionKind.Problem, false, ["需求", "问题", "难题", "难点", "现状", "内容"]),
        (DemandSectionKind.Targets, false, ["目标", "要求", "指标", "目的"]),
        (DemandSectionKind.Basis, false, ["基础"]),
    ];

    private const string Numbering =
        @"(?<num>(?:第?[一二三四五六七八九十]{1,3}[、.，,]|\([一二三四五六七八九十]{1,3}\)|\(?\d{1,2}\)|\d{1,2}(?:[、，,]|\.(?!\d))|[①-⑳])\s*)?";

    // Built from the vocabulary above, so not source-generated; compiled, because it is tried at every place of every
    // demand read (interpreted, it was a tenth of the time of matching a demand against a few thousand patents).
    private static readonly Regex Pattern = new(
        Numbering + @"(?<open>[【\[(《])?(?:" + string.Join('|', Vocabulary.Select((entry, i) => $"(?<k{i}>{Alternation(entry.Words)})"))
        + @")(?<close>[】\])》])?(?:(?<note>\([^()]{1,24}\))?(?<colon>\s*:))?[ \t\u3000]*",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>The headings of <paramref name="folded"/> (width-folded content), in order, not overlapping.</summary>
    public static IReadOnlyList<DemandHeading> Find(string folded)
    {
        var headings = new List<DemandHeading>();
        var from = 0;
        while (from < folded.Length && Pattern.Match(folded, from) is { Success: true } match)
        {
            var entry = 0;
            while (!match.Groups["k" + entry].Success)
            {
                entry++;
            }

            var (kind, distinctive, _) = Vocabulary[entry];
            if (IsHeading(folded, match, distinctive))
            {
                headings.Add(new DemandHeading(match.Index, match.Index + match.Length, kind));
                from = match.Index + match.Length;
            }
            else
            {
                from = match.Index + 1;
            }
        }

        return headings;
    }

    private static bool IsHeading(string folded, Match match, bool distinctive)
    {
        var numbered = match.Groups["num"].Success;
        var bracketed = match.Groups["open"].Success && match.Groups["close"].Success;
        var colon = match.Groups["colon"].Success;
        if (match.Groups["open"].Success != match.Groups["close"].Success)
        {
            // "（预期目标" without its closing bracket is a word in a parenthesis, not a heading.
            return false;
        }

        var atSentenceStart = numbered || StartsSentence(folded, match.Index);
        if (!distinctive)
        {
            return atSentenceStart && (colon || bracketed);
        }

        if (bracketed || (colon && atSentenceStart))
        {
            return true;
        }

        if (colon)
        {
            // Glued to the sentence before ("…焊接方法预期目标：解决…", "…项目的需求内容：") unless it is a plain noun
            // phrase the words before qualify: "目前的主要问题：成本高".
            var keyword = match.Value.AsSpan(match.Groups["num"].Length).TrimStart("【[(《");
            return match.Index == 0 || !"的之".Contains(folded[match.Index - 1]) || !NounPhrase().IsMatch(keyword);
        }

        // The pattern takes the spaces after a heading, so a match ending in one was followed by a break.
        var end = match.Index + match.Length;
        if (end < folded.Length && "的之是为及和与".Contains(folded[end]))
        {
            // "一、技术需求的目标…": the words go on, this is not where a heading ends.
            return false;
        }

        var breakFollows = end >= folded.Length || folded[end - 1] is ' ' or '\t' or '\u3000' || ListFollows(folded, end);
        return atSentenceStart && (numbered || breakFollows);
    }

    [GeneratedRegex(@"\A(?:主要|技术|存在的?|质量|性能|指标|主要技术)(?:问题|难题|难点|目标|要求)")]
    private static partial Regex NounPhrase();

    private static bool StartsSentence(string folded, int index)
    {
        var i = index - 1;
        while (i >= 0 && folded[i] is ' ' or '\t' or '\u3000')
        {
            i--;
        }

        return i < 0 || "。！？；;!?\n\r\t:\"“”".Contains(folded[i]);
    }

    private static bool ListFollows(string folded, int index) =>
        index < folded.Length && (folded[index] is '(' or '①' || (char.IsAsciiDigit(folded[index])
            && index + 1 < folded.Length && folded[index + 1] is '、' or '.' or ')'));

    // Longer patterns first, so that "需求内容" is tried before "需求" and "技术需求情况" before "技术需求"; a pattern's
    // length stands in for the length of what it matches, which is close enough for this vocabulary.
    private static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(word => word.Length));
}
