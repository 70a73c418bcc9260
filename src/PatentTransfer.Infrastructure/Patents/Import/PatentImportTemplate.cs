using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>
/// The file a holder downloads, fills in and uploads: the header row and one example row, marked "示例" in the
/// 备注 column so that uploading the template unchanged imports nothing. The xlsx also explains every column.
/// </summary>
public static class PatentImportTemplate
{
    public const string DataSheetName = "专利清单";
    public const string GuideSheetName = "填写说明";

    private static readonly string[] GeneralNotes =
    [
        "第 1 行为列名，请勿修改列名；列的顺序可以调整，不需要的选填列可以删除。",
        "第 2 行为示例，“备注”列标有“示例”，导入时会被忽略。填写时可直接删除示例行，或从第 3 行起填写。",
        "必填：申请号、摘要、申请日；发明和实用新型还须填写主分类号，外观设计须填写外观分类号。",
        "同一申请号在一个文件中只能出现一次。一个文件最多 100,000 行。",
        "文件可保存为 Excel（.xlsx）或 CSV（UTF-8 或 GBK 编码）。不支持旧版 .xls 格式，请另存为 .xlsx。",
        "导入前会逐行检查，所有错误会一次列出（行号、列名和原因），改正后重新上传即可。",
    ];

    public static void WriteXlsx(Stream output)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(DataSheetName);
        var columns = PatentImportColumns.All;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var number = i + 1;
            var header = sheet.Cell(1, number);
            header.SetValue(column.Header);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = column.Requirement == PatentImportRequirement.Optional ? XLColor.LightGray : XLColor.LightSalmon;

            // Widths are set, not measured: ClosedXML measures text with System.Drawing, which Linux does not have.
            var sheetColumn = sheet.Column(number);
            sheetColumn.Width = column.Field switch
            {
                PatentImportField.Abstract or PatentImportField.Claims => 50,
                PatentImportField.Title => 30,
                PatentImportField.Note or PatentImportField.Keywords or PatentImportField.CoOwners => 24,
                _ => 16,
            };

            var example = sheet.Cell(2, number);
            if (IsDate(column.Field))
            {
                // Date columns hold real Excel dates so the date picker and sorting work; text dates are read as well.
                sheetColumn.Style.DateFormat.Format = "yyyy-mm-dd";
                example.SetValue(DateTime.ParseExact(column.Example, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                // Text, so that Excel keeps "202110123456.7" and "12-08" as typed instead of turning them into a number or a date.
                sheetColumn.Style.NumberFormat.Format = "@";
                example.SetValue(column.Example);
            }

            example.Style.Font.Italic = true;
            example.Style.Font.FontColor = XLColor.Gray;
        }

        sheet.Row(1).Style.NumberFormat.Format = "@";
        sheet.SheetView.FreezeRows(1);
        WriteGuide(workbook.AddWorksheet(GuideSheetName));
        workbook.SaveAs(output);
    }

    /// <summary>UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK and garbles it.</summary>
    public static void WriteCsv(Stream output)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        foreach (var column in PatentImportColumns.All)
        {
            csv.WriteField(column.Header);
        }

        csv.EndRecord();
        foreach (var column in PatentImportColumns.All)
        {
            csv.WriteField(column.Example);
        }

        csv.EndRecord();
    }

    private static void WriteGuide(IXLWorksheet guide)
    {
        guide.Cell(1, 1).SetValue("专利导入模板填写说明");
        guide.Cell(1, 1).Style.Font.Bold = true;
        guide.Cell(1, 1).Style.Font.FontSize = 14;
        var row = 2;
        foreach (var note in GeneralNotes)
        {
            guide.Cell(row++, 1).SetValue(note);
        }

        row++;
        string[] headings = ["列名", "是否必填", "填写说明", "示例", "也可使用的列名"];
        for (var i = 0; i < headings.Length; i++)
        {
            guide.Cell(row, i + 1).SetValue(headings[i]);
            guide.Cell(row, i + 1).Style.Font.Bold = true;
            guide.Cell(row, i + 1).Style.Fill.BackgroundColor = XLColor.LightGray;
        }

        foreach (var column in PatentImportColumns.All)
        {
            row++;
            guide.Cell(row, 1).SetValue(column.Header);
            guide.Cell(row, 2).SetValue(RequirementText(column.Requirement));
            guide.Cell(row, 3).SetValue(column.Description);
            guide.Cell(row, 4).SetValue(column.Example);
            guide.Cell(row, 5).SetValue(string.Join("、", column.Aliases.Prepend(column.EnglishHeader)));
        }

        guide.Column(1).Width = 14;
        guide.Column(2).Width = 18;
        guide.Column(3).Width = 80;
        guide.Column(4).Width = 30;
        guide.Column(5).Width = 40;
        guide.Column(3).Style.Alignment.WrapText = true;
        guide.Column(1).Style.NumberFormat.Format = "@";
        guide.Column(4).Style.NumberFormat.Format = "@";
    }

    private static string RequirementText(PatentImportRequirement requirement) => requirement switch
    {
        PatentImportRequirement.Required => "必填",
        PatentImportRequirement.RequiredUnlessDesign => "发明、实用新型必填",
        PatentImportRequirement.RequiredForDesigns => "外观设计必填",
        _ => "选填",
    };

    private static bool IsDate(PatentImportField field) =>
        field is PatentImportField.FilingDate or PatentImportField.PublicationDate or PatentImportField.GrantDate;
}
