using System.Text;
using System.Text.Json;
using CsvHelper;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>How a column's cells are read; spreadsheets store numbers and dates that need turning into text.</summary>
internal enum ImportCellKind : byte
{
    /// <summary>Not imported: the cell is not even turned into a string.</summary>
    Ignored,
    Text,
    Date,
    ApplicationNumber,
}

/// <summary>The rows of an uploaded file as text cells, numbered as the user sees them (header = 1).</summary>
internal interface IImportRowSource : IDisposable
{
    /// <summary>The first row that has any text, or null when the file has none.</summary>
    IReadOnlyList<string?>? ReadHeader();

    /// <summary>Which columns (by position in the file) to read, and how.</summary>
    void Configure(ImportCellKind[] kinds);

    /// <summary>Fills <paramref name="cells"/> (one per configured column; null when empty) with the next row.</summary>
    bool ReadRow(string?[] cells, out int rowNumber);
}

internal sealed class CsvRowSource : IImportRowSource
{
    private readonly CsvReader _reader;
    private ImportCellKind[] _kinds = [];
    private int _row;

    /// <param name="content">The file without its byte-order mark.</param>
    /// <param name="encoding">Null for UTF-8; any other encoding is transcoded by the reader as it goes.</param>
    public CsvRowSource(ReadOnlyMemory<byte> content, Encoding? encoding, char separator)
    {
        _reader = CsvReader.Create(content, new CsvReaderOptions
        {
            Separator = separator,
            // The reader finds the header itself, so that row numbers count it and every line as Excel does.
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            // A stray quote inside a cell is kept as typed rather than failing the whole file.
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            Encoding = encoding,
        });
    }

    public IReadOnlyList<string?>? ReadHeader()
    {
        while (_reader.Read())
        {
            _row++;
            var fields = new string?[_reader.FieldCount];
            var any = false;
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = _reader.GetString(i);
                any |= !string.IsNullOrWhiteSpace(fields[i]);
            }

            if (any)
            {
                return fields;
            }
        }

        return null;
    }

    public void Configure(ImportCellKind[] kinds) => _kinds = kinds;

    public bool ReadRow(string?[] cells, out int rowNumber)
    {
        if (!_reader.Read())
        {
            rowNumber = 0;
            return false;
        }

        rowNumber = ++_row;
        var count = _reader.FieldCount;
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = i < count && _kinds[i] != ImportCellKind.Ignored && !_reader.IsEmpty(i) ? _reader.GetString(i) : null;
        }

        return true;
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>
/// A JSON Lines file: one object per line with snake_case keys, as the shared patent data are written
/// (publication_number, title, abstract, claims) and the template's other columns (application_number, main_ipc,
/// filing_date…). Keys are matched like headers; the header is the keys of all lines in order of appearance, and a
/// row's number is its line number.
/// </summary>
internal sealed class JsonlRowSource : IImportRowSource
{
    private readonly ReadOnlyMemory<byte> _content;
    private readonly Dictionary<string, int> _columnOfKey = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private ImportCellKind[] _kinds = [];
    private int _position;
    private int _line;

    /// <param name="content">UTF-8 without its byte-order mark.</param>
    public JsonlRowSource(ReadOnlyMemory<byte> content)
    {
        _content = content;
    }

    public IReadOnlyList<string?>? ReadHeader()
    {
        var position = 0;
        var line = 0;
        while (NextLine(_content.Span, ref position, ref line) is { } range)
        {
            var reader = new Utf8JsonReader(_content.Span[range]);
            if (!reader.Read())
            {
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ImportFileException(PatentImportFileErrorCodes.JsonLineInvalid, line);
            }

            try
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    if (_columnOfKey.TryAdd(key, _keys.Count))
                    {
                        _keys.Add(key);
                    }

                    reader.Skip();
                }
            }
            catch (JsonException)
            {
                throw new ImportFileException(PatentImportFileErrorCodes.JsonLineInvalid, line);
            }
        }

        return _keys.Count == 0 ? null : _keys;
    }

    public void Configure(ImportCellKind[] kinds) => _kinds = kinds;

    public bool ReadRow(string?[] cells, out int rowNumber)
    {
        Array.Clear(cells);
        rowNumber = 0;
        if (NextLine(_content.Span, ref _position, ref _line, skipBlank: false) is not { } range)
        {
            return false;
        }

        rowNumber = _line;
        var bytes = _content[range];
        if (bytes.Span.Trim(" \t\r"u8).IsEmpty)
        {
            return true;
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ImportFileException(PatentImportFileErrorCodes.JsonLineInvalid, _line);
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (_columnOfKey.TryGetValue(property.Name, out var column) && column < cells.Length && _kinds[column] != ImportCellKind.Ignored)
                {
                    cells[column] = CellText(property.Value);
                }
            }
        }
        catch (JsonException)
        {
            throw new ImportFileException(PatentImportFileErrorCodes.JsonLineInvalid, _line);
        }

        return true;
    }

    public void Dispose()
    {
    }

    /// <summary>Lists (inventors, classes, keywords) may be JSON arrays; they become one cell of separated values.</summary>
    private static string? CellText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        JsonValueKind.Array => string.Join("；", value.EnumerateArray().Select(CellText).Where(v => !string.IsNullOrWhiteSpace(v))),
        _ => value.GetRawText(),
    };

    /// <summary>The byte range of the next line (without its line break); blank lines are passed over unless asked for.</summary>
    private static Range? NextLine(ReadOnlySpan<byte> content, ref int position, ref int line, bool skipBlank = true)
    {
        while (position < content.Length)
        {
            var start = position;
            var length = content[start..].IndexOf((byte)'\n');
            var end = length < 0 ? content.Length : start + length;
            position = length < 0 ? content.Length : end + 1;
            line++;
            if (!skipBlank || !content[start..end].Trim(" \t\r"u8).IsEmpty)
            {
                return start..end;
            }
        }

        return null;
    }
}

/// <summary>A file-level problem found while reading rows (<see cref="PatentImportFileErrorCodes"/>).</summary>
internal sealed class ImportFileException(string code, int line) : Exception(code)
{
    public string Code { get; } = code;

    public int Line { get; } = line;
}
