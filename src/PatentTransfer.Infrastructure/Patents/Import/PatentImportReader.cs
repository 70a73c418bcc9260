using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>
/// Reads a holder's patent list (.xlsx or .csv in the layout of <see cref="PatentImportTemplate"/>, or JSON Lines with
/// the same fields) into validated rows; every row is checked before the caller writes any. Nothing is written anywhere: the caller shows the errors and merges the valid rows.
/// </summary>
public static class PatentImportReader
{
    /// <summary>Rows between two progress reports (and cancellation checks).</summary>
    public const int ProgressInterval = 1024;

    private static readonly int FieldCount = Enum.GetValues<PatentImportField>().Length;

    // GB18030 is not built into .NET; the code-pages provider ships with the runtime but must be registered.
    private static readonly Encoding Gb18030 = CreateGb18030();

    // Without a BOM the bytes were checked to be valid UTF-8 first; with one, a stray bad byte becomes U+FFFD
    // in its cell instead of failing the file.
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The extensions <see cref="ReadAsync(Stream, string, PatentImportContext, IProgress{int}?, CancellationToken)"/> reads.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".csv", ".jsonl"];

    public static Task<PatentImportParseResult> ReadAsync(
        Stream content, string fileName, PatentImportContext context, CancellationToken cancellationToken) =>
        ReadAsync(content, fileName, context, progress: null, cancellationToken);

    /// <summary>
    /// Reads the whole file (.xlsx, .csv or .jsonl, by <paramref name="fileName"/>'s extension). The work after
    /// buffering is CPU-bound and synchronous (about a second for 100,000 rows); callers on a UI thread should run
    /// it on the thread pool. <paramref name="progress"/> hears the number of rows read so far, now and then.
    /// </summary>
    public static async Task<PatentImportParseResult> ReadAsync(
        Stream content, string fileName, PatentImportContext context, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (FileTypeError(fileName) is { } error)
        {
            return error;
        }

        var bytes = await BufferAsync(content, cancellationToken);
        return Read(bytes, fileName, context, progress, cancellationToken);
    }

    /// <summary>The file type's error, or null when <paramref name="fileName"/> has an extension that can be read.</summary>
    internal static PatentImportParseResult? FileTypeError(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension == ".xls" ? PatentImportParseResult.FileError(PatentImportFileErrorCodes.LegacyExcelFormat, extension)
            : !Extensions.Contains(extension) ? PatentImportParseResult.FileError(PatentImportFileErrorCodes.UnsupportedFileType, extension)
            : null;
    }

    /// <summary>The rest of <paramref name="content"/> in memory: every reader needs the whole file (xlsx is a zip).</summary>
    internal static async Task<ArraySegment<byte>> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = content.CanSeek ? new MemoryStream(checked((int)Math.Max(0, content.Length - content.Position))) : new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a buffered file; synchronous and CPU-bound.</summary>
    internal static PatentImportParseResult Read(
        ArraySegment<byte> bytes, string fileName, PatentImportContext context, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (FileTypeError(fileName) is { } error)
        {
            return error;
        }

        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(bytes, context, progress, cancellationToken),
            ".jsonl" => ReadJsonl(bytes, context, progress, cancellationToken),
            _ => ReadXlsx(bytes, context, progress, cancellationToken),
        };
    }

    private static PatentImportParseResult ReadCsv(
        ArraySegment<byte> bytes, PatentImportContext context, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var (encoding, name, preamble) = DetectEncoding(bytes);
        var body = bytes[preamble..];
        var separator = DetectSeparator(encoding.GetString(body[..Math.Min(body.Count, 64 * 1024)]));
        using var source = new CsvRowSource(body, encoding is UTF8Encoding ? null : encoding, separator);
        try
        {
            return Read(source, context, name, progress, cancellationToken);
        }
        catch (CsvHelper.CsvFormatException)
        {
            return PatentImportParseResult.FileError(PatentImportFileErrorCodes.Unreadable, null, name);
        }
    }

    private static PatentImportParseResult ReadJsonl(
        ArraySegment<byte> bytes, PatentImportContext context, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var body = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        if (!Utf8.IsValid(body))
        {
            // JSON is UTF-8 by definition (RFC 8259); a GBK file is not JSON.
            return PatentImportParseResult.FileError(PatentImportFileErrorCodes.Unreadable, null);
        }

        using var source = new JsonlRowSource(body);
        try
        {
            return Read(source, context, PatentImportEncodings.Utf8, progress, cancellationToken);
        }
        catch (ImportFileException e)
        {
            return PatentImportParseResult.FileError(e.Code, e.Line.ToString(CultureInfo.InvariantCulture), PatentImportEncodings.Utf8);
        }
    }

    private static PatentImportParseResult ReadXlsx(
        ArraySegment<byte> bytes, PatentImportContext context, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        try
        {
            using var source = XlsxRowSource.Open(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false));
            return Read(source, context, encoding: null, progress, cancellationToken);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException)
        {
            // Damaged, password-protected, or another format renamed to .xlsx: nothing the clerk can fix cell by cell.
            return PatentImportParseResult.FileError(PatentImportFileErrorCodes.Unreadable, null);
        }
    }

    /// <summary>
    /// A byte-order mark decides; otherwise bytes that are valid UTF-8 are UTF-8 (GBK text practically never is),
    /// and the rest is GB18030, what Excel on Chinese Windows writes as "CSV".
    /// </summary>
    internal static (Encoding Encoding, string Name, int Preamble) DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8NoBom, PatentImportEncodings.Utf8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, PatentImportEncodings.Utf16, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, PatentImportEncodings.Utf16, 2);
        }

        return Utf8.IsValid(bytes)
            ? (Utf8NoBom, PatentImportEncodings.Utf8, 0)
            : (Gb18030, PatentImportEncodings.Gb18030, 0);
    }

    /// <summary>Comma unless the header line has more tabs (Excel's "Unicode text") or semicolons (European Excel).</summary>
    internal static char DetectSeparator(string start)
    {
        int commas = 0, tabs = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in start)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (c is '\n' or '\r')
                {
                    break;
                }

                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    private static PatentImportParseResult Read(
        IImportRowSource source, PatentImportContext context, string? encoding, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var header = source.ReadHeader();
        if (header is null)
        {
            return PatentImportParseResult.FileError(PatentImportFileErrorCodes.Empty, null, encoding);
        }

        var fieldOfColumn = new int[header.Count];
        var found = new bool[FieldCount];
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            fieldOfColumn[i] = -1;
            var text = header[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            // A second column for the same field is ignored rather than merged: which one holds the truth is unknowable.
            if (PatentImportColumns.Match(text) is not { } column || found[(int)column.Field])
            {
                unknown.Add(Text.NormaliseInput(text));
                continue;
            }

            found[(int)column.Field] = true;
            fieldOfColumn[i] = (int)column.Field;
        }

        var missing = PatentImportColumns.All
            .Where(c => !found[(int)c.Field] && (c.Requirement == PatentImportRequirement.Required
                // A list of designs only may have just the Locarno column; any other list needs the IPC one.
                || c.Field == PatentImportField.MainIpc && !found[(int)PatentImportField.Locarno]))
            .Select(c => c.Header)
            .ToList();
        if (missing.Count > 0)
        {
            return PatentImportParseResult.FileError(PatentImportFileErrorCodes.MissingColumns, string.Join("、", missing), encoding) with
            {
                UnknownColumns = unknown,
            };
        }

        var mappedColumns = new List<int>();
        var kinds = new ImportCellKind[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            if (fieldOfColumn[i] >= 0)
            {
                mappedColumns.Add(i);
                kinds[i] = (PatentImportField)fieldOfColumn[i] switch
                {
                    PatentImportField.ApplicationNumber => ImportCellKind.ApplicationNumber,
                    PatentImportField.FilingDate or PatentImportField.PublicationDate or PatentImportField.GrantDate => ImportCellKind.Date,
                    _ => ImportCellKind.Text,
                };
            }
        }

        source.Configure(kinds);
        var columns = mappedColumns.ToArray();
        var validator = new PatentImportRowValidator(context);
        var errors = new List<PatentImportError>();
        var valid = new List<PatentImportRow>();
        var examples = new List<int>();
        var total = 0;
        var read = 0;

        // Two stages on two threads: this one checks rows while the reader turns the next ones into cells. The
        // checker keeps state across rows (numbers seen), so it stays one thread and rows keep their order.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<RowBatch>(boundedCapacity: 8);
        var reading = Task.Run(() => ReadBatches(source, columns, fieldOfColumn, batches, stop.Token), stop.Token);
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(stop.Token))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var (row, values) = batch.Rows[i];
                    if (IsExample(values[(int)PatentImportField.Note]))
                    {
                        examples.Add(row);
                        continue;
                    }

                    if (++total > context.MaxRows)
                    {
                        return PatentImportParseResult.FileError(
                            PatentImportFileErrorCodes.TooManyRows, context.MaxRows.ToString(CultureInfo.InvariantCulture), encoding);
                    }

                    if (validator.Validate(row, values, errors) is { } details)
                    {
                        valid.Add(new PatentImportRow(row, details));
                    }
                }

                read = batch.RowsRead;
                progress?.Report(read);
            }

            // The reader's own failure (a file that cannot be parsed further) surfaces here, as it did when it ran inline.
            reading.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                reading.Wait(CancellationToken.None);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                // The reader was told to stop because this stage stopped first.
            }
            catch (AggregateException)
            {
                // Already thrown above, or this stage is leaving with its own exception.
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new PatentImportParseResult
        {
            Encoding = encoding,
            UnknownColumns = unknown,
            ValidRows = valid,
            Errors = errors,
            TotalRows = total,
            ExampleRows = examples,
        };
    }

    /// <summary>Data rows, up to <see cref="ProgressInterval"/> at a time, with their cells by field.</summary>
    private sealed class RowBatch(int capacity)
    {
        public (int Row, string?[] Values)[] Rows { get; } = new (int, string?[])[capacity];

        public int Count { get; set; }

        /// <summary>Rows of the file read so far, empty ones included.</summary>
        public int RowsRead { get; set; }
    }

    /// <summary>The reading stage: skips rows without data and hands the rest on in batches; always completes the queue.</summary>
    private static void ReadBatches(
        IImportRowSource source, int[] columns, int[] fieldOfColumn, BlockingCollection<RowBatch> batches, CancellationToken cancellationToken)
    {
        try
        {
            var cells = new string?[fieldOfColumn.Length];
            var batch = new RowBatch(ProgressInterval);
            var read = 0;
            while (source.ReadRow(cells, out var row))
            {
                read++;
                var values = new string?[FieldCount];
                var hasData = false;
                foreach (var i in columns)
                {
                    var value = cells[i];
                    values[fieldOfColumn[i]] = value;
                    hasData |= fieldOfColumn[i] != (int)PatentImportField.Note && !string.IsNullOrWhiteSpace(value);
                }

                if (hasData)
                {
                    batch.Rows[batch.Count++] = (row, values);
                }

                if (read % ProgressInterval == 0)
                {
                    batch.RowsRead = read;
                    batches.Add(batch, cancellationToken);
                    batch = new RowBatch(ProgressInterval);
                }
            }

            batch.RowsRead = read;
            batches.Add(batch, cancellationToken);
        }
        finally
        {
            batches.CompleteAdding();
        }
    }

    private static bool IsExample(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return false;
        }

        var text = note.AsSpan().Trim();
        return text.StartsWith(PatentImportColumns.ExampleMarker, StringComparison.Ordinal)
            || text.StartsWith("example", StringComparison.OrdinalIgnoreCase);
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
