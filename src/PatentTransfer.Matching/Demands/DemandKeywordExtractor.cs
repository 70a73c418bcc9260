using System.Globalization;
using JiebaNet.Analyser;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Demands;

/// <summary>
/// A few informative words of a demand's text for its keyword field: jieba's TF-IDF ranking (its inverse document
/// frequencies come from general Chinese text), so words that are rare in general Chinese but frequent in the demand
/// lead ("氮化硼", "除雾器", "锂离子"). Every keyword is a word of the text itself, never a guess about it. Words that
/// nearly every demand uses ("研发", "技术", "问题"), numbers and single characters are left out: they rank high in
/// demand texts without saying what one is about. Meant for <see cref="DemandTextSections.CoreText"/> (title, problem
/// and targets, without company facts), so the keywords describe what is sought rather than who seeks it.
/// </summary>
/// <remarks>Building one loads jieba's dictionary and IDF table (several MB): build it once for a batch of demands.</remarks>
public sealed class DemandKeywordExtractor
{
    // The words at the top of the TF-IDF ranking over all 371 BDCI demands that name no subject: verbs and nouns of
    // the demand genre itself and money. Measured once on that data (a word in the top 8 of five or more demands and
    // generic).
    private static readonly HashSet<string> GenreWords = new(StringComparer.Ordinal)
    {
        "技术", "研发", "研究", "研制", "开发", "基于", "产业化", "产品", "应用", "技术难题", "难题", "问题", "提高", "提升",
        "生产", "新型", "利用", "实现", "解决", "需求", "项目", "企业", "公司", "现有", "目前", "进行", "要求", "目标",
        "方法", "关键", "关键技术", "合作", "改进", "降低", "增加", "一种", "具有", "需要", "达到", "能够", "通过", "技术咨询",
        "万元",
    };

    private readonly TfidfExtractor _extractor;

    /// <param name="jiebaResourceDirectory">jieba's dictionary folder; null for the one the build copies next to the assembly.</param>
    public DemandKeywordExtractor(string? jiebaResourceDirectory = null)
    {
        JiebaResources.EnsureConfigured(jiebaResourceDirectory);
        _extractor = new TfidfExtractor();
    }

    /// <summary>At most <paramref name="count"/> keywords of <paramref name="text"/>, the most informative first.</summary>
    public IReadOnlyList<string> Extract(string text, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // Ranked over more words than asked for, so that the ones left out still leave enough.
        return _extractor.ExtractTags(text, count * 4)
            .Select(word => word.Trim())
            .Where(IsInformative)
            .Distinct(StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    /// <summary>A word of two or more characters with at least two letters (Han or Latin) that is not a genre word.</summary>
    private static bool IsInformative(string word) =>
        new StringInfo(word).LengthInTextElements >= 2
        && word.Count(char.IsLetter) >= 2
        && !GenreWords.Contains(word);
}
