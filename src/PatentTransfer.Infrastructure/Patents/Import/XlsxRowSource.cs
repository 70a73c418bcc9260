using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>
/// Streams the rows of the first visible worksheet of an xlsx file. The Open XML SDK (ClosedXML's own dependency)
/// finds the parts; the sheet, the shared strings and the cells are read with a plain <see cref="XmlReader"/>.
/// ClosedXML's workbook model needs about 5 s and 600 MB for 100,000 rows of 16 columns, which is the whole
/// time budget of an import; streaming needs a fraction of both.
/// </summary>
internal sealed class XlsxRowSource : IImportRowSource
{
    private const int MaxHeaderColumns = 1024;

    private readonly SpreadsheetDocument _document;
    private readonly XmlReader _xml;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly Names _names;
    private ImportCellKind[] _kinds = [];
    private int _lastRow;

    private XlsxRowSource(SpreadsheetDocument document, XmlReader xml, string[] sharedStrings, bool[] dateStyles, Names names)
    {
        _document = document;
        _xml = xml;
        _sharedStrings = sharedStrings;
        _dateStyles = dateStyles;
        _names = names;
    }

    /// <summary>Opens the workbook; throws (OpenXmlPackageException, InvalidDataException, XmlException…) when it is not one.</summary>
    public static XlsxRowSource Open(Stream stream)
    {
        var document = SpreadsheetDocument.Open(stream, isEditable: false);
        try
        {
            var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
            var sheetPart = FirstVisibleWorksheet(workbookPart) ?? throw new InvalidDataException("The workbook has no worksheet.");
            var names = new Names(new NameTable());
            var sharedStrings = workbookPart.SharedStringTablePart is { } sharedStringPart ? ReadSharedStrings(sharedStringPart, names) : [];
            var dateStyles = ReadDateStyles(workbookPart.WorkbookStylesPart);
            var xml = XmlReader.Create(sheetPart.GetStream(FileMode.Open, FileAccess.Read), names.Settings);
            return new XlsxRowSource(document, xml, sharedStrings, dateStyles, names);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string?>? ReadHeader()
    {
        var cells = new string?[MaxHeaderColumns];
        while (ReadRowCore(cells, kinds: null, out _))
        {
            var last = Array.FindLastIndex(cells, c => !string.IsNullOrWhiteSpace(c));
            if (last >= 0)
            {
                return cells[..(last + 1)];
            }
        }

        return null;
    }

    public void Configure(ImportCellKind[] kinds) => _kinds = kinds;

    public bool ReadRow(string?[] cells, out int rowNumber) => ReadRowCore(cells, _kinds, out rowNumber);

    public void Dispose()
    {
        _xml.Dispose();
        _document.Dispose();
    }

    /// <summary>Reads the next &lt;row&gt;. <paramref name="kinds"/> null reads every cell as text (the header).</summary>
    private bool ReadRowCore(string?[] cells, ImportCellKind[]? kinds, out int rowNumber)
    {
        Array.Clear(cells);
        rowNumber = 0;
        var xml = _xml;
        while (true)
        {
            if (!xml.Read())
            {
                return false;
            }

            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, _names.Row))
            {
                break;
            }
        }

        // Rows without "r" follow the previous one; rows that are left out are empty rows the user still counts.
        var declared = ParseNumber(xml.GetAttribute("r"));
        rowNumber = declared > 0 ? declared : _lastRow + 1;
        _lastRow = rowNumber;
        if (xml.IsEmptyElement)
        {
            return true;
        }

        var nextColumn = 0;
        var column = -1;
        string? type = null;
        var style = 0;
        string? value = null;
        string? inlineText = null;
        var inValue = false;
        var inText = false;
        var inPhonetic = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                {
                    var name = xml.LocalName;
                    if (ReferenceEquals(name, _names.Cell))
                    {
                        var reference = ColumnIndex(xml.GetAttribute("r"));
                        column = reference >= 0 ? reference : nextColumn;
                        nextColumn = column + 1;
                        type = xml.GetAttribute("t");
                        style = ParseNumber(xml.GetAttribute("s"));
                        value = null;
                        inlineText = null;
                        if (xml.IsEmptyElement)
                        {
                            column = -1;
                        }
                    }
                    else if (ReferenceEquals(name, _names.Value))
                    {
                        inValue = !xml.IsEmptyElement;
                    }
                    else if (ReferenceEquals(name, _names.Text))
                    {
                        // Phonetic runs (<rPh>) are reading aids, not part of the cell's text.
                        inText = !xml.IsEmptyElement && !inPhonetic;
                    }
                    else if (ReferenceEquals(name, _names.Phonetic))
                    {
                        inPhonetic = !xml.IsEmptyElement;
                    }

                    break;
                }

                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (inValue)
                    {
                        value = xml.Value;
                    }
                    else if (inText)
                    {
                        inlineText = inlineText is null ? xml.Value : inlineText + xml.Value;
                    }

                    break;

                case XmlNodeType.EndElement:
                {
                    var name = xml.LocalName;
                    if (ReferenceEquals(name, _names.Value))
                    {
                        inValue = false;
                    }
                    else if (ReferenceEquals(name, _names.Text))
                    {
                        inText = false;
                    }
                    else if (ReferenceEquals(name, _names.Phonetic))
                    {
                        inPhonetic = false;
                    }
                    else if (ReferenceEquals(name, _names.Cell))
                    {
                        if (column >= 0 && column < cells.Length)
                        {
                            var kind = kinds is null ? ImportCellKind.Text : kinds[column];
                            if (kind != ImportCellKind.Ignored)
                            {
                                cells[column] = CellText(type, style, value, inlineText, kind);
                            }
                        }

                        column = -1;
                    }
                    else if (ReferenceEquals(name, _names.Row))
                    {
                        return true;
                    }

                    break;
                }
            }
        }

        return true;
    }

    private string? CellText(string? type, int style, string? value, string? inlineText, ImportCellKind kind)
    {
        switch (type)
        {
            case "s":
                var index = ParseNumber(value);
                return index >= 0 && index < _sharedStrings.Length ? _sharedStrings[index] : null;
            case "inlineStr":
                return inlineText;
            case "b":
                return value == "1" ? "TRUE" : value is null ? null : "FALSE";
            case "str" or "e" or "d":
                // Formula text, error values such as #N/A, and ISO dates are shown as they are.
                return value;
            default:
                return value is null ? null : NumberText(value, style < _dateStyles.Length && _dateStyles[style], kind);
        }
    }

    /// <summary>A number cell as the user means it in this column.</summary>
    private static string NumberText(string value, bool dateStyle, ImportCellKind kind)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }

        var integral = number == Math.Floor(number);
        if (kind == ImportCellKind.Date)
        {
            // 20210315 typed as a number is a date written without separators, not day 20,210,315 of Excel's calendar.
            if (!dateStyle && integral && number is >= 19000101 and <= 99991231)
            {
                return number.ToString("0", CultureInfo.InvariantCulture);
            }

            return SerialDate(number) ?? value;
        }

        if (dateStyle)
        {
            return SerialDate(number) ?? value;
        }

        // Excel keeps 15 significant digits and shows numbers that way; "R" would show binary noise.
        var text = number.ToString("G15", CultureInfo.InvariantCulture);
        // "202110123456.0" typed into a number cell is stored as 202110123456: the check digit 0 is gone. Putting it
        // back only when 0 is the right check digit restores what was typed and invents nothing.
        if (kind == ImportCellKind.ApplicationNumber && integral && text.Length is 12 or 8
            && ApplicationNumber.ComputeCheckCharacter(text) == '0')
        {
            return text + ".0";
        }

        return text;
    }

    private static string? SerialDate(double serial) =>
        serial is >= 1 and < 2_958_466
            ? DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static WorksheetPart? FirstVisibleWorksheet(WorkbookPart workbookPart)
    {
        foreach (var sheet in workbookPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.State?.Value is SheetStateValues.Hidden or SheetStateValues.VeryHidden)
            {
                continue;
            }

            if (sheet.Id?.Value is { } id && workbookPart.GetPartById(id) is WorksheetPart part)
            {
                return part;
            }
        }

        return null;
    }

    private static string[] ReadSharedStrings(SharedStringTablePart part, Names names)
    {
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), names.Settings);
        var strings = new List<string>();
        string? current = null;
        var inItem = false;
        var inText = false;
        var inPhonetic = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                {
                    var name = xml.LocalName;
                    if (ReferenceEquals(name, names.Item))
                    {
                        current = null;
                        inItem = !xml.IsEmptyElement;
                        if (!inItem)
                        {
                            strings.Add(string.Empty);
                        }
                    }
                    else if (ReferenceEquals(name, names.Text))
                    {
                        inText = inItem && !inPhonetic && !xml.IsEmptyElement;
                    }
                    else if (ReferenceEquals(name, names.Phonetic))
                    {
                        inPhonetic = !xml.IsEmptyElement;
                    }
                    else if (xml.LocalName == "sst" && ParseNumber(xml.GetAttribute("uniqueCount")) is > 0 and var count)
                    {
                        strings.Capacity = Math.Min(count, 10_000_000);
                    }

                    break;
                }

                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (inText)
                    {
                        current = current is null ? xml.Value : current + xml.Value;
                    }

                    break;

                case XmlNodeType.EndElement:
                {
                    var name = xml.LocalName;
                    if (ReferenceEquals(name, names.Text))
                    {
                        inText = false;
                    }
                    else if (ReferenceEquals(name, names.Phonetic))
                    {
                        inPhonetic = false;
                    }
                    else if (ReferenceEquals(name, names.Item))
                    {
                        strings.Add(current ?? string.Empty);
                        inItem = false;
                    }

                    break;
                }
            }
        }

        return [.. strings];
    }

    /// <summary>Which cell styles (by index) display a number as a date.</summary>
    private static bool[] ReadDateStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return [];
        }

        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id)
            {
                custom[id] = format.FormatCode?.Value ?? string.Empty;
            }
        }

        return stylesheet.CellFormats.Elements<CellFormat>()
            .Select(xf => xf.NumberFormatId?.Value is { } id && IsDateFormat(id, custom))
            .ToArray();
    }

    private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
    {
        if (custom.TryGetValue(id, out var code))
        {
            return IsDateFormatCode(code);
        }

        // Built-in formats: 14–22 and 45–47 everywhere, 27–36 and 50–58 are the CJK (e.g. yyyy"年"m"月"d"日") ones.
        return id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);
    }

    /// <summary>A custom format shows a date when its first section has y, m, d (or h, s) outside quotes and brackets.</summary>
    internal static bool IsDateFormatCode(string code)
    {
        var inQuotes = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes)
            {
                inQuotes = c != '"';
                continue;
            }

            if (inBracket)
            {
                inBracket = c != ']';
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '[':
                    inBracket = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case ';':
                    return false;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }

        return false;
    }

    /// <summary>Column index (0-based) of a cell reference such as "AB12"; -1 when there is none.</summary>
    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384)
            {
                return -1;
            }
        }

        return i == 0 ? -1 : column - 1;
    }

    private static int ParseNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;

    /// <summary>Element names as atoms of one name table, so names compare by reference.</summary>
    private sealed class Names
    {
        public Names(NameTable table)
        {
            Row = table.Add("row");
            Cell = table.Add("c");
            Value = table.Add("v");
            Text = table.Add("t");
            Phonetic = table.Add("rPh");
            Item = table.Add("si");
            Settings = new XmlReaderSettings
            {
                NameTable = table,
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
                CloseInput = true,
            };
        }

        public string Row { get; }
        public string Cell { get; }
        public string Value { get; }
        public string Text { get; }
        public string Phonetic { get; }
        public string Item { get; }
        public XmlReaderSettings Settings { get; }
    }
}
