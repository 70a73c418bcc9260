using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Infrastructure.Tests.Patents.Import;

/// <summary>
/// A holder's list with good rows and every common kind of bad one, and the errors it must give. Each instance
/// has application numbers of its own, so tests that store it do not see each other's patents.
/// </summary>
internal sealed class MixedImportFile
{
    private static int _serial = Random.Shared.Next(8_000_000, 8_900_000);

    public MixedImportFile()
    {
        Invention = ImportFiles.Number(2019, 1, NextSerial());
        UtilityModel = ImportFiles.Number(2020, 2, NextSerial());
        Design = ImportFiles.Number(2020, 3, NextSerial());
        var wrongCheck = ImportFiles.Number(2019, 1, NextSerial());
        WrongCheckDigit = wrongCheck[..^1] + (wrongCheck[^1] == '1' ? '2' : '1');
        var alsoWrong = ImportFiles.Number(2019, 1, NextSerial());
        WrongCheckDigitWithScript = alsoWrong[..^1] + (alsoWrong[^1] == '1' ? '2' : '1');
        NoMainIpc = ImportFiles.Number(2019, 1, NextSerial());
        UnknownIpc = ImportFiles.Number(2019, 1, NextSerial());
        NoAbstract = ImportFiles.Number(2019, 1, NextSerial());
        Script = ImportFiles.Number(2019, 1, NextSerial());

        // Written as people paste it: prefix, spaces, no dot.
        var digits = Invention.Replace(".", "", StringComparison.Ordinal);
        InventionAsPasted = $"CN {digits[..4]} {digits[4]} {digits[5..12]}.{digits[12]}";
        UtilityModelAsPasted = "ZL" + UtilityModel.Replace(".", "", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> Header { get; } = [.. PatentImportColumns.All.Select(c => c.Header)];

    public string Invention { get; }
    public string UtilityModel { get; }
    public string Design { get; }
    public string WrongCheckDigit { get; }
    public string WrongCheckDigitWithScript { get; }
    public string NoMainIpc { get; }
    public string UnknownIpc { get; }
    public string NoAbstract { get; }
    public string Script { get; }
    public string InventionAsPasted { get; }
    public string UtilityModelAsPasted { get; }

    /// <summary>The valid application numbers, in file order (rows 2, 9 and 11).</summary>
    public IReadOnlyList<string> ValidNumbers => [Invention, UtilityModel, Design];

    /// <summary>Data rows, header being row 1: rows 2 to 13, row 10 blank.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(string inventionTitle = "一种硅碳复合负极材料及其制备方法") =>
    [
        Row(Invention, title: inventionTitle, grant: "2021-05-12", status: "有效", further: "H01M4/36；H01M4/62", inventors: "张三；李四",
            keywords: "负极材料、锂离子电池", industry: "新能源", publication: "CN110112233A", published: "2019-09-20"),
        Row(WrongCheckDigit),
        Row("2019101234"),
        Row(UnknownIpc, mainIpc: "H01M99/999", further: "XYZ"),
        Row(NoAbstract, abstractText: "", filed: ""),
        Row(InventionAsPasted, title: "重复的行"),
        Row(Script, title: "<script>alert(1)</script>一种装置"),
        Row(UtilityModelAsPasted, title: "一种便携式土壤检测装置", mainIpc: "G01N33/24", filed: "2020/7/1", grant: "2021.03.02",
            status: "有效", coOwners: "某某农业科技有限公司", inventors: "王五", abstractText: "本实用新型公开了一种便携式土壤检测装置，\n结构简单，携带方便。"),
        [.. Header.Select(_ => string.Empty)],
        Row(Design, title: "包装盒", mainIpc: "", locarno: "09-03", filed: "2020-11-02", grant: "2021-04-06", status: "有效",
            abstractText: "本外观设计产品的名称为包装盒，用于盛装食品。"),
        Row(WrongCheckDigitWithScript, title: "<b>加粗的标题</b>"),
        Row(NoMainIpc, mainIpc: ""),
    ];

    /// <summary>Every error the rows above must give, in order: (row, column, code, value).</summary>
    public IReadOnlyList<PatentImportError> ExpectedErrors =>
    [
        new(3, "申请号", "ApplicationNumber_WrongCheckDigit", CheckOf(WrongCheckDigit)),
        new(4, "申请号", "ApplicationNumber_WrongFormat", "2019101234"),
        new(5, "主分类号", "Ipc_Unknown", "H01M99/999"),
        new(5, "其他分类号", "Ipc_Malformed", "XYZ"),
        new(6, "摘要", "Required", null),
        new(6, "申请日", "Required", null),
        new(7, "申请号", "DuplicateInFile", "2"),
        new(8, "标题", "Markup", "<script>alert(1)</script>一种装置"),
        new(12, "申请号", "ApplicationNumber_WrongCheckDigit", CheckOf(WrongCheckDigitWithScript)),
        new(12, "标题", "Markup", "<b>加粗的标题</b>"),
        new(13, "主分类号", "Required", null),
    ];

    public const int TotalRows = 11;

    public const int InvalidRows = 8;

    public string Csv(string inventionTitle = "一种硅碳复合负极材料及其制备方法") => ImportFiles.Csv(Header, Rows(inventionTitle));

    private static int NextSerial() => Interlocked.Increment(ref _serial);

    /// <summary>The right check character of a number whose check character is wrong.</summary>
    private static string CheckOf(string number) =>
        Domain.Patents.ApplicationNumber.ComputeCheckCharacter(number[..^2]).ToString();

    private static string[] Row(
        string number,
        string title = "一种锂离子电池正极材料",
        string abstractText = "本发明公开了一种锂离子电池正极材料，循环寿命长，成本低。",
        string mainIpc = "H01M4/583",
        string further = "",
        string locarno = "",
        string inventors = "",
        string coOwners = "",
        string filed = "2019-03-15",
        string published = "",
        string grant = "",
        string status = "",
        string keywords = "",
        string industry = "",
        string publication = "")
    {
        var cells = new string[Header.Count];
        Array.Fill(cells, string.Empty);
        cells[(int)PatentImportField.ApplicationNumber] = number;
        cells[(int)PatentImportField.PublicationNumber] = publication;
        cells[(int)PatentImportField.Title] = title;
        cells[(int)PatentImportField.Abstract] = abstractText;
        cells[(int)PatentImportField.MainIpc] = mainIpc;
        cells[(int)PatentImportField.FurtherIpc] = further;
        cells[(int)PatentImportField.Locarno] = locarno;
        cells[(int)PatentImportField.Inventors] = inventors;
        cells[(int)PatentImportField.CoOwners] = coOwners;
        cells[(int)PatentImportField.FilingDate] = filed;
        cells[(int)PatentImportField.PublicationDate] = published;
        cells[(int)PatentImportField.GrantDate] = grant;
        cells[(int)PatentImportField.LegalStatus] = status;
        cells[(int)PatentImportField.Keywords] = keywords;
        cells[(int)PatentImportField.Industry] = industry;
        return cells;
    }
}
