using System.Collections.Frozen;
using System.Text;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Reference;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>What a column of the import file holds. The numeric order is the template's column order.</summary>
public enum PatentImportField
{
    Note,
    ApplicationNumber,
    PublicationNumber,
    Title,
    Abstract,
    Claims,
    MainIpc,
    FurtherIpc,
    Locarno,
    Inventors,
    CoOwners,
    FilingDate,
    PublicationDate,
    GrantDate,
    LegalStatus,
    Keywords,
    Industry,
}

public enum PatentImportRequirement
{
    Optional,
    Required,

    /// <summary>Inventions and utility models need it; designs carry a Locarno class instead.</summary>
    RequiredUnlessDesign,

    /// <summary>Designs need it; the others must leave it empty.</summary>
    RequiredForDesigns,
}

/// <summary>One column of the import template.</summary>
/// <param name="Header">The template's Chinese header; errors name the column by it.</param>
/// <param name="Aliases">Other headers accepted for the column (exports of patent databases, older templates).</param>
/// <param name="Description">The explanation shown on the template's 填写说明 sheet.</param>
public sealed record PatentImportColumn(
    PatentImportField Field,
    string Header,
    string EnglishHeader,
    IReadOnlyList<string> Aliases,
    PatentImportRequirement Requirement,
    bool MultipleValues,
    string Description,
    string Example);

/// <summary>The columns of the patent import template and how a file's header row is matched to them.</summary>
public static class PatentImportColumns
{
    /// <summary>What separates several values in one cell (inventors, classes, keywords).</summary>
    public static readonly char[] ValueSeparators = [';', '；', ',', '，', '、', '\n', '\r'];

    /// <summary>Text in the 备注 column that marks the template's example row, which is never imported.</summary>
    public const string ExampleMarker = "示例";

    private const string Separators = "多个值用分号、逗号、顿号或换行分隔。";

    private const string DateFormats = "日期可写作 2021-03-15、2021/3/15、2021.03.15、20210315 或 2021年3月15日，也可用 Excel 日期格式。";

    /// <summary>All columns in template order (indexed by <see cref="PatentImportField"/>).</summary>
    public static IReadOnlyList<PatentImportColumn> All { get; } =
    [
        new(PatentImportField.Note, "备注", "Note", ["说明", "Remarks", "Remark", "Comment"], PatentImportRequirement.Optional, false,
            "导入时忽略本列。模板第 2 行为示例，本列标有“示例”，该行不会被导入；填写自己的数据时可直接删除示例行。", "示例（导入时忽略此行）"),
        new(PatentImportField.ApplicationNumber, "申请号", "Application No.",
            ["申请号/专利号", "专利号", "专利申请号", "申请号(专利号)", "Application Number", "Patent No.", "Patent Number"],
            PatentImportRequirement.Required, false,
            "专利申请号，含校验位，如 202110123456.7 或 97101765.4；可带 CN、ZL 前缀，可省略小数点。同一文件中不能重复。", "202110123456.7"),
        new(PatentImportField.PublicationNumber, "公开号", "Publication No.",
            ["公开(公告)号", "公开公告号", "公告号", "公布号", "公开号/公告号", "Publication Number"],
            PatentImportRequirement.Optional, false, "公开（公告）号，如 CN113914863A。", "CN112345678A"),
        new(PatentImportField.Title, "标题", "Title",
            ["专利名称", "发明名称", "名称", "题名", "标题/名称", "发明创造名称", "Patent Title", "Invention Title"],
            PatentImportRequirement.Optional, false, "专利名称，不超过 200 字。", "一种硅碳复合负极材料及其制备方法"),
        new(PatentImportField.Abstract, "摘要", "Abstract", ["摘要/简要说明", "简要说明", "Summary"],
            PatentImportRequirement.Required, false,
            "摘要（外观设计填简要说明），不超过 20000 字，可以换行。", "本发明公开了一种硅碳复合负极材料及其制备方法，首次库伦效率高，循环稳定性好，适用于动力电池。"),
        new(PatentImportField.Claims, "权利要求", "Claims", ["权利要求书", "主权项", "独立权利要求", "Claim"],
            PatentImportRequirement.Optional, false, "权利要求书全文或主权项，可以换行。", "1. 一种硅碳复合负极材料，其特征在于，包括纳米硅颗粒和包覆在其表面的无定形碳层。"),
        new(PatentImportField.MainIpc, "主分类号", "Main IPC",
            ["主IPC", "IPC主分类号", "IPC主分类", "主分类", "IPC", "IPC分类号", "Main Classification", "IPC Main"],
            PatentImportRequirement.RequiredUnlessDesign, false,
            "IPC 主分类号，如 H01M10/0525，须为现行 IPC 表中的分类号。发明和实用新型必填；外观设计不填（或在此填洛迦诺分类号）。若填了多个，第一个为主分类号，其余计入其他分类号。",
            "H01M4/583"),
        new(PatentImportField.FurtherIpc, "其他分类号", "Further IPC",
            ["副分类号", "IPC副分类号", "其他IPC", "附加分类号", "其他IPC分类号", "Other IPC", "Additional IPC"],
            PatentImportRequirement.Optional, true, "其他 IPC 分类号，最多 30 个。" + Separators, "H01M4/36；H01M4/62"),
        new(PatentImportField.Locarno, "外观分类号", "Locarno Class",
            ["洛迦诺分类号", "洛迦诺分类", "外观设计分类号", "LOC分类号", "Locarno", "Locarno Classification"],
            PatentImportRequirement.RequiredForDesigns, false, "外观设计的洛迦诺分类号，如 12-08。仅外观设计填写，且必填。", ""),
        new(PatentImportField.Inventors, "发明人", "Inventors", ["发明人/设计人", "设计人", "发明(设计)人", "Inventor"],
            PatentImportRequirement.Optional, true, "发明人或设计人姓名，每个不超过 100 字，最多 50 人。" + Separators, "张三；李四"),
        new(PatentImportField.CoOwners, "共同权利人", "Co-owners",
            ["共有权利人", "共同专利权人", "其他专利权人", "其他权利人", "共有人", "Co-owner", "Co-patentees"],
            PatentImportRequirement.Optional, true, "除本单位外的其他专利权人，最多 50 个。" + Separators, "某某新能源科技有限公司"),
        new(PatentImportField.FilingDate, "申请日", "Filing Date", ["申请日期", "Application Date"],
            PatentImportRequirement.Required, false, "申请日，年份须与申请号中的年份一致（PCT 申请除外）。" + DateFormats, "2021-03-15"),
        new(PatentImportField.PublicationDate, "公开日", "Publication Date", ["公开(公告)日", "公开日期", "公告日", "公布日"],
            PatentImportRequirement.Optional, false, "公开（公告）日，不早于申请日，不晚于今天。" + DateFormats, "2021-07-20"),
        new(PatentImportField.GrantDate, "授权日", "Grant Date", ["授权公告日", "授权日期"],
            PatentImportRequirement.Optional, false, "授权公告日，不早于申请日，不晚于今天；已授权的专利必填。" + DateFormats, "2023-05-12"),
        new(PatentImportField.LegalStatus, "法律状态", "Legal Status", ["当前法律状态", "Status"],
            PatentImportRequirement.Optional, false,
            "有效、审中（在审）、失效、未缴年费终止、无效、届满之一。留空时：填了授权日视为有效，否则视为审中。“失效”按未缴年费终止处理，保护期已满的按届满处理。",
            "有效"),
        new(PatentImportField.Keywords, "关键词", "Keywords", ["关键字", "Keyword"],
            PatentImportRequirement.Optional, true, "关键词，每个不超过 30 字，最多 20 个。" + Separators, "锂离子电池、负极材料、硅碳复合"),
        new(PatentImportField.Industry, "产业", "Industry", ["所属产业", "产业领域", "行业", "所属行业"],
            PatentImportRequirement.Optional, false,
            "所属产业，填产业名称或代码：" + string.Join("、", Industry.Plan.Select(i => i.NameZh)) + "。",
            "新能源"),
    ];

    private static readonly FrozenDictionary<string, PatentImportColumn> ByKey = BuildKeys();

    private static readonly FrozenDictionary<string, PatentImportColumn> ByHeader =
        All.ToFrozenDictionary(c => c.Header, StringComparer.Ordinal);

    public static PatentImportColumn Get(PatentImportField field) => All[(int)field];

    /// <summary>The column whose template header is <paramref name="header"/> (as in <see cref="PatentImportError.Column"/>).</summary>
    public static PatentImportColumn? FindByHeader(string header) => ByHeader.GetValueOrDefault(header);

    /// <summary>
    /// Matches a header cell of an uploaded file: trimmed, case- and width-insensitive, punctuation and a
    /// "*"/"(必填)" marker ignored, so "申请号／专利号", " Application No " and "*申请号" all find 申请号.
    /// </summary>
    public static PatentImportColumn? Match(string? header)
    {
        var key = HeaderKey(header);
        return key.Length == 0 ? null : ByKey.GetValueOrDefault(key);
    }

    internal static string HeaderKey(string? header)
    {
        var normalised = Text.NormaliseInput(header);
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var key = builder.ToString();
        foreach (var marker in (ReadOnlySpan<string>)["必填", "选填", "可选", "required", "optional"])
        {
            if (key.Length > marker.Length && key.EndsWith(marker, StringComparison.Ordinal))
            {
                return key[..^marker.Length];
            }
        }

        return key;
    }

    private static FrozenDictionary<string, PatentImportColumn> BuildKeys()
    {
        var keys = new Dictionary<string, PatentImportColumn>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            foreach (var name in column.Aliases.Prepend(column.EnglishHeader).Prepend(column.Header))
            {
                var key = HeaderKey(name);
                // Two columns claiming one header would make the import depend on dictionary order.
                if (keys.TryGetValue(key, out var other) && other != column)
                {
                    throw new InvalidOperationException($"The header '{name}' is claimed by {other.Field} and {column.Field}.");
                }

                keys[key] = column;
            }
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
