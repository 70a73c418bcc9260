using System.Globalization;
using System.Text;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Infrastructure.Tests.Patents.Import;

public sealed class PatentImportReaderTests
{
    [Fact]
    public async Task MixedCsvGivesExactlyTheExpectedErrorsAndKeepsTheValidRows()
    {
        var file = new MixedImportFile();

        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(file.Csv(), "utf8"), "专利清单.csv");

        Assert.Null(result.FileErrorCode);
        Assert.Equal(file.ExpectedErrors, result.Errors);
        Assert.Equal(file.ValidNumbers, result.ValidRows.Select(r => r.Details.ApplicationNumber.Value));
        Assert.Equal([2, 9, 11], result.ValidRows.Select(r => r.Row));
        Assert.Equal(MixedImportFile.TotalRows, result.TotalRows);
        Assert.Empty(result.UnknownColumns);
    }

    [Fact]
    public async Task ValidRowsCarryWhatTheCellsSay()
    {
        var file = new MixedImportFile();

        var rows = (await ImportFiles.ReadAsync(ImportFiles.Encode(file.Csv(), "utf8"), "list.csv")).ValidRows;

        var invention = rows[0].Details;
        Assert.Equal(
            (PatentType.Invention, "CN110112233A", "H01M4/583", "H01M4/36,H01M4/62", "张三,李四", "负极材料,锂离子电池", "new-energy"),
            (invention.Type, invention.PublicationNumber?.Value, invention.MainIpc?.Value, string.Join(",", invention.FurtherIpc.Select(c => c.Value)),
                string.Join(",", invention.Inventors), string.Join(",", invention.Keywords), invention.IndustryCode));
        Assert.Equal((new DateOnly(2019, 3, 15), new DateOnly(2019, 9, 20), new DateOnly(2021, 5, 12), LegalStatus.Valid),
            (invention.FilingDate, invention.PublicationDate, invention.GrantDate, invention.Status));

        var utilityModel = rows[1].Details;
        Assert.Equal((file.UtilityModel, new DateOnly(2020, 7, 1), new DateOnly(2021, 3, 2), "某某农业科技有限公司"),
            (utilityModel.ApplicationNumber.Value, utilityModel.FilingDate, utilityModel.GrantDate, Assert.Single(utilityModel.CoOwners)));
        Assert.Equal("本实用新型公开了一种便携式土壤检测装置，\n结构简单，携带方便。", utilityModel.Abstract);

        var design = rows[2].Details;
        Assert.Equal((PatentType.Design, "09-03", (string?)null), (design.Type, design.Locarno?.Value, design.MainIpc?.Value));
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8-bom")]
    [InlineData("gbk")]
    public async Task CsvIsReadTheSameInEveryEncoding(string encoding)
    {
        var file = new MixedImportFile();
        var expected = await ImportFiles.ReadAsync(ImportFiles.Encode(file.Csv(), "utf8"), "list.csv");

        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(file.Csv(), encoding), "list.csv");

        Assert.Equal(encoding == "gbk" ? PatentImportEncodings.Gb18030 : PatentImportEncodings.Utf8, result.Encoding);
        Assert.Equal(expected.ValidRows.Select(ImportFiles.Describe), result.ValidRows.Select(ImportFiles.Describe));
        Assert.Equal(expected.Errors, result.Errors);
    }

    [Fact]
    public async Task GbkCsvKeepsItsChineseText()
    {
        var file = new MixedImportFile();

        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(file.Csv("一种硅碳复合负极材料及其制备方法"), "gbk"), "list.csv");

        Assert.Equal("一种硅碳复合负极材料及其制备方法", result.ValidRows[0].Details.Title);
        Assert.Contains(result.Errors, e => e is { Row: 8, Column: "标题", Value: "<script>alert(1)</script>一种装置" });
    }

    [Fact]
    public async Task XlsxIsReadTheSameAsTheCsv()
    {
        var file = new MixedImportFile();
        var rows = file.Rows();
        var csv = await ImportFiles.ReadAsync(ImportFiles.Encode(ImportFiles.Csv(MixedImportFile.Header, rows), "utf8"), "list.csv");

        var xlsx = await ImportFiles.ReadAsync(ImportFiles.Xlsx(MixedImportFile.Header, rows), "list.xlsx");

        Assert.Null(xlsx.FileErrorCode);
        Assert.Equal(csv.ValidRows.Select(ImportFiles.Describe), xlsx.ValidRows.Select(ImportFiles.Describe));
        Assert.Equal(csv.Errors, xlsx.Errors);
        Assert.Equal(csv.TotalRows, xlsx.TotalRows);
    }

    [Fact]
    public async Task JsonLinesAreReadTheSameAsTheCsv()
    {
        var file = new MixedImportFile();
        var csv = await ImportFiles.ReadAsync(ImportFiles.Encode(file.Csv(), "utf8"), "list.csv");
        var keys = PatentImportColumns.All.Select(c => string.Join("_", c.EnglishHeader.ToLowerInvariant()
            .Replace("no.", "number", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Split(' '))).ToArray();
        var lines = new StringBuilder();
        // Line 1 stands for the header row, so that line numbers are the CSV's row numbers.
        lines.Append("{\"note\": \"列名行\"}\n");
        foreach (var row in file.Rows())
        {
            var json = keys.Zip(row).Where(p => p.Second.Length > 0)
                .Select(p => p.First is "inventors" or "further_ipc"
                    ? $"\"{p.First}\": [{string.Join(", ", p.Second.Split('；').Select(v => System.Text.Json.JsonSerializer.Serialize(v)))}]"
                    : $"\"{p.First}\": {System.Text.Json.JsonSerializer.Serialize(p.Second)}");
            lines.Append('{').AppendJoin(", ", json).Append("}\n");
        }

        var jsonl = await ImportFiles.ReadAsync(ImportFiles.Encode(lines.ToString(), "utf8"), "list.jsonl");

        Assert.Null(jsonl.FileErrorCode);
        Assert.Empty(jsonl.UnknownColumns);
        Assert.Equal(csv.ValidRows.Select(ImportFiles.Describe), jsonl.ValidRows.Select(ImportFiles.Describe));
        Assert.Equal(csv.Errors, jsonl.Errors);
    }

    [Fact]
    public async Task TheSharedPatentTextsLackTheColumnsAPatentNeeds()
    {
        const string line = """{"id": "KP-T0001", "publication_number": "CN113914863A", "title": "一种开采方法", "abstract": "本发明公开了一种开采方法。", "claims": null, "source": "KPPatent-ZH"}""";

        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(line + "\n", "utf8"), "kppatent-zh.jsonl");

        Assert.Equal((PatentImportFileErrorCodes.MissingColumns, "申请号、主分类号、申请日"), (result.FileErrorCode, result.FileErrorValue));
        Assert.Equal(["id", "source"], result.UnknownColumns);
    }

    [Fact]
    public async Task ABrokenJsonLineRefusesTheFileNamingTheLine()
    {
        var content = "{\"application_number\": \"202110123456.7\", \"abstract\": \"x\", \"filing_date\": \"2021-01-01\", \"main_ipc\": \"H01M4/583\"}\n{\"abstract\": \n";

        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(content, "utf8"), "list.jsonl");

        Assert.Equal((PatentImportFileErrorCodes.JsonLineInvalid, "2"), (result.FileErrorCode, result.FileErrorValue));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task TheTemplateReadsBackWithoutErrorsAndImportsNothing(string format)
    {
        using var template = new MemoryStream();
        if (format == "csv")
        {
            PatentImportTemplate.WriteCsv(template);
        }
        else
        {
            PatentImportTemplate.WriteXlsx(template);
        }

        var result = await ImportFiles.ReadAsync(template.ToArray(), "模板." + format);

        Assert.Null(result.FileErrorCode);
        Assert.Empty(result.Errors);
        Assert.Empty(result.UnknownColumns);
        Assert.Empty(result.ValidRows);
        Assert.Equal(0, result.TotalRows);
        Assert.Equal([2], result.ExampleRows);
    }

    [Fact]
    public async Task TheTemplatesExampleRowIsValidData()
    {
        using var template = new MemoryStream();
        PatentImportTemplate.WriteCsv(template);
        var text = Encoding.UTF8.GetString(template.ToArray()).Replace(PatentImportColumns.Get(PatentImportField.Note).Example, "", StringComparison.Ordinal);

        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(text, "utf8"), "模板.csv");

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.ValidRows);
        Assert.Equal(("202110123456.7", "H01M4/583", LegalStatus.Valid), (row.Details.ApplicationNumber.Value, row.Details.MainIpc?.Value, row.Details.Status));
    }

    [Theory]
    [InlineData("清单.xls", PatentImportFileErrorCodes.LegacyExcelFormat)]
    [InlineData("清单.pdf", PatentImportFileErrorCodes.UnsupportedFileType)]
    public async Task OtherFileTypesAreRefusedAsAWhole(string fileName, string code)
    {
        var result = await ImportFiles.ReadAsync([1, 2, 3], fileName);

        Assert.Equal(code, result.FileErrorCode);
        Assert.Empty(result.ValidRows);
    }

    [Fact]
    public async Task AFileWithoutTheRequiredColumnsIsRefusedNamingThem()
    {
        var csv = "标题,摘要\n一种装置,本发明公开了一种装置。\n";

        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(csv, "utf8"), "list.csv");

        Assert.Equal((PatentImportFileErrorCodes.MissingColumns, "申请号、主分类号、申请日"), (result.FileErrorCode, result.FileErrorValue));
    }

    [Fact]
    public async Task MoreRowsThanTheLimitRefuseTheFile()
    {
        var file = new MixedImportFile();

        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(file.Csv(), "utf8"), "list.csv", ImportFiles.Context(maxRows: 5));

        Assert.Equal((PatentImportFileErrorCodes.TooManyRows, "5"), (result.FileErrorCode, result.FileErrorValue));
        Assert.Empty(result.ValidRows);
    }

    [Fact]
    public async Task ProgressCountsTheRowsRead()
    {
        var header = MixedImportFile.Header;
        var rows = Enumerable.Range(1, 2500).Select(i => (IReadOnlyList<string>)header.Select((_, c) => c == (int)PatentImportField.ApplicationNumber
            ? ImportFiles.Number(2019, 1, 100_000 + i)
            : c == (int)PatentImportField.Abstract ? "本发明公开了一种装置。" : c == (int)PatentImportField.MainIpc ? "H01M4/583"
            : c == (int)PatentImportField.FilingDate ? "2019-05-01" : "").ToArray());
        var reports = new List<int>();

        var result = await PatentImportReader.ReadAsync(new MemoryStream(ImportFiles.Encode(ImportFiles.Csv(header, rows), "utf8")), "list.csv",
            ImportFiles.Context(), new SynchronousProgress(reports), TestContext.Current.CancellationToken);

        Assert.Equal(2500, result.ValidRows.Count);
        Assert.Equal([1024, 2048, 2500], reports);
    }

    [Fact]
    public async Task EveryErrorOfTheMixedFileHasAChineseAndAnEnglishMessageWithItsValue()
    {
        var file = new MixedImportFile();
        var result = await ImportFiles.ReadAsync(ImportFiles.Encode(file.Csv(), "utf8"), "list.csv");

        var zh = result.Errors.Select(e => PatentImportMessages.Describe(e, CultureInfo.GetCultureInfo("zh-Hans"))).ToList();
        var en = result.Errors.Select(e => PatentImportMessages.Describe(e, CultureInfo.GetCultureInfo("en"))).ToList();

        Assert.Equal($"第 3 行，申请号：申请号校验位错误，按号码计算应为 {file.ExpectedErrors[0].Value}。", zh[0]);
        Assert.Equal("Row 7, 申请号 (Application No.): The application number repeats row 2; each application number may appear only once in a file.", en[6]);
        Assert.Equal("第 8 行，标题：不能包含 HTML 标签或脚本：<script>alert(1)</script>一种装置", zh[7]);
        Assert.All(zh.Concat(en), m => Assert.DoesNotContain("{0}", m, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.True(PatentImportMessages.Has(e.Code), e.Code));
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
