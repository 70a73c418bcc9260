using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Infrastructure.Tests.Patents.Import;

/// <summary>Builds import files in every accepted form from one table of cells, and reads them back.</summary>
internal static class ImportFiles
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    private static readonly Lazy<HashSet<string>> IpcTable = new(() =>
        ReferenceDataLoader.ParseIpc(ReferenceDataLoader.ReadResource(ReferenceDataLoader.IpcResource))
            .Select(e => e.Code)
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>The shipped IPC table answers whether a symbol exists, as the portal's will.</summary>
    public static PatentImportContext Context(int maxRows = PatentImportContext.DefaultMaxRows) =>
        new() { Today = Today, IpcExists = IpcTable.Value.Contains, MaxRows = maxRows };

    /// <summary>A valid application number: year, type digit and serial, with its check digit.</summary>
    public static string Number(int year, int type, int serial)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{year:0000}{type}{serial:0000000}");
        return digits + "." + ApplicationNumber.ComputeCheckCharacter(digits);
    }

    public static string Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        AppendLine(text, header);
        foreach (var row in rows)
        {
            AppendLine(text, row);
        }

        return text.ToString();
    }

    public static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf8" => new UTF8Encoding(false).GetBytes(text),
        "utf8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
        "gbk" => Gbk().GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    /// <summary>
    /// The same cells as a workbook, typed the way people's spreadsheets are: ISO dates as Excel dates and all-digit
    /// cells as numbers; the rest text. Rows with no text are left out, as Excel leaves out empty rows.
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("专利清单");
        WriteRow(sheet, 1, header);
        var number = 1;
        foreach (var row in rows)
        {
            number++;
            if (row.Any(v => v.Length > 0))
            {
                WriteRow(sheet, number, row);
            }
        }

        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static Encoding Gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }

    public static Task<PatentImportParseResult> ReadAsync(byte[] content, string fileName, PatentImportContext? context = null) =>
        PatentImportReader.ReadAsync(new MemoryStream(content), fileName, context ?? Context(), TestContext.Current.CancellationToken);

    /// <summary>Every field of the details as text, for comparing what different file forms produce.</summary>
    public static string Describe(PatentImportRow row)
    {
        var d = row.Details;
        return string.Join(" | ",
            row.Row, d.ApplicationNumber.Value, d.PublicationNumber?.Value, d.Title, d.Abstract, d.Claims, d.MainIpc?.Value,
            string.Join(",", d.FurtherIpc.Select(c => c.Value)), d.Locarno?.Value, string.Join(",", d.CoOwners), string.Join(",", d.Inventors),
            d.FilingDate.ToString("O", CultureInfo.InvariantCulture), d.PublicationDate?.ToString("O", CultureInfo.InvariantCulture),
            d.GrantDate?.ToString("O", CultureInfo.InvariantCulture), d.Status, string.Join(",", d.Keywords), d.IndustryCode);
    }

    private static void WriteRow(IXLWorksheet sheet, int number, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value.Length == 0)
            {
                continue;
            }

            var cell = sheet.Cell(number, i + 1);
            if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                cell.SetValue(date);
            }
            else if (value.All(char.IsAsciiDigit) && value.Length < 15)
            {
                cell.SetValue(double.Parse(value, CultureInfo.InvariantCulture));
            }
            else
            {
                cell.SetValue(value);
                cell.DataType = XLDataType.Text;
            }
        }
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var value = values[i];
            text.Append(value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }

        text.Append("\r\n");
    }
}
