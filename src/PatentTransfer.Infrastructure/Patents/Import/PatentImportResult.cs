using PatentTransfer.Domain.Patents;
using PatentTransfer.Domain.Reference;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>What the reader needs from outside: the date, the IPC table and the industries.</summary>
public sealed class PatentImportContext
{
    public const int DefaultMaxRows = 100_000;

    /// <summary>The holder's local date; dates after it are refused.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Whether a normalised IPC symbol ("H01M10/0525") is in the IPC table.</summary>
    public required Func<string, bool> IpcExists { get; init; }

    public IReadOnlyList<Industry> Industries { get; init; } = Industry.Plan;

    /// <summary>More data rows than this refuse the whole file.</summary>
    public int MaxRows { get; init; } = DefaultMaxRows;
}

/// <summary>
/// A problem with one cell. <paramref name="Column"/> is the template's Chinese header
/// (<see cref="PatentImportColumn.Header"/>); <paramref name="Value"/> is what the message shows: the offending
/// text, or the expected value where that helps more (see <see cref="PatentImportErrorCodes"/>).
/// </summary>
public sealed record PatentImportError(int Row, string Column, string Code, string? Value);

/// <summary>A data row that passed every check; <paramref name="Row"/> as the user sees it (header = 1).</summary>
public sealed record PatentImportRow(int Row, PatentDetails Details);

public sealed record PatentImportParseResult
{
    /// <summary>Set when the file as a whole cannot be imported (<see cref="PatentImportFileErrorCodes"/>); no rows then.</summary>
    public string? FileErrorCode { get; init; }

    /// <summary>What the file-level message shows: the missing columns, the row limit, the extension.</summary>
    public string? FileErrorValue { get; init; }

    /// <summary>How a CSV file was decoded (<see cref="PatentImportEncodings"/>); null for xlsx.</summary>
    public string? Encoding { get; init; }

    /// <summary>Headers of the file that match no column (or repeat one already matched); their cells are ignored.</summary>
    public IReadOnlyList<string> UnknownColumns { get; init; } = [];

    public IReadOnlyList<PatentImportRow> ValidRows { get; init; } = [];

    /// <summary>Every problem of every row, ordered by row and then by template column.</summary>
    public IReadOnlyList<PatentImportError> Errors { get; init; } = [];

    /// <summary>Data rows read: valid and invalid ones, without empty rows and example rows.</summary>
    public int TotalRows { get; init; }

    /// <summary>Rows marked as the template's example in the 备注 column; they are skipped, and the UI can say so.</summary>
    public IReadOnlyList<int> ExampleRows { get; init; } = [];

    public bool IsFileError => FileErrorCode is not null;

    internal static PatentImportParseResult FileError(string code, string? value, string? encoding = null) =>
        new() { FileErrorCode = code, FileErrorValue = value, Encoding = encoding };
}

/// <summary>The encodings a CSV file can be read in (<see cref="PatentImportParseResult.Encoding"/>).</summary>
public static class PatentImportEncodings
{
    public const string Utf8 = "UTF-8";
    public const string Utf16 = "UTF-16";

    /// <summary>The encoding of Chinese Windows and of Excel's "CSV" export; a superset of GBK.</summary>
    public const string Gb18030 = "GB18030";
}

/// <summary>Codes of file-level errors; their texts are File_{Code} in <see cref="PatentImportMessages"/>.</summary>
public static class PatentImportFileErrorCodes
{
    /// <summary>Value: the extension.</summary>
    public const string UnsupportedFileType = "UnsupportedFileType";

    /// <summary>Old binary Excel (.xls): the clerk needs to save it as .xlsx or CSV.</summary>
    public const string LegacyExcelFormat = "LegacyExcelFormat";

    /// <summary>Not a readable xlsx (damaged, encrypted, or another format renamed).</summary>
    public const string Unreadable = "Unreadable";

    /// <summary>A line of a JSONL file is not a JSON object. Value: the line number.</summary>
    public const string JsonLineInvalid = "JsonLineInvalid";

    /// <summary>No header row.</summary>
    public const string Empty = "Empty";

    /// <summary>Value: the missing headers joined by "、".</summary>
    public const string MissingColumns = "MissingColumns";

    /// <summary>Value: the maximum number of rows.</summary>
    public const string TooManyRows = "TooManyRows";
}

/// <summary>
/// Codes of cell errors found while reading; their texts are in <see cref="PatentImportMessages"/> under the code.
/// The rules of <see cref="PatentDetails.Validate"/> keep their own codes (e.g. "FilingYearMismatch"), mapped to the
/// column of their field, with the limit, year or cell text as the value.
/// </summary>
public static class PatentImportErrorCodes
{
    /// <summary>A required cell is empty. Value: null.</summary>
    public const string Required = "Required";

    /// <summary>Prefix of <see cref="ApplicationNumberError"/> names; Value: the expected check character for
    /// WrongCheckDigit and CheckDigitMissing, otherwise the text as typed.</summary>
    public const string ApplicationNumberPrefix = "ApplicationNumber_";

    /// <summary>The application number appeared in an earlier row. Value: that row's number.</summary>
    public const string DuplicateInFile = "DuplicateInFile";

    /// <summary>
    /// The patent is in the catalogue under another organisation; found by the preview, which asks the database.
    /// Value: the application number.
    /// </summary>
    public const string HeldByOtherHolder = "HeldByOtherHolder";

    /// <summary>Value: the text as typed.</summary>
    public const string PublicationNumberInvalid = "PublicationNumber_Invalid";

    /// <summary>Not an IPC symbol at all. Value: the symbol as typed.</summary>
    public const string IpcMalformed = "Ipc_Malformed";

    /// <summary>Well-formed, but not in the IPC table. Value: the normalised symbol.</summary>
    public const string IpcUnknown = "Ipc_Unknown";

    /// <summary>Value: the text as typed.</summary>
    public const string LocarnoMalformed = "Locarno_Malformed";

    /// <summary>Value: the text as typed.</summary>
    public const string DateInvalid = "Date_Invalid";

    /// <summary>Value: the text as typed.</summary>
    public const string LegalStatusUnknown = "LegalStatus_Unknown";

    /// <summary>Value: the text as typed.</summary>
    public const string IndustryUnknown = "Industry_Unknown";

    /// <summary>Value: the name that is too long.</summary>
    public const string NameTooLong = "NameTooLong";

    /// <summary>Value: the maximum number of names.</summary>
    public const string TooManyNames = "TooManyNames";

    /// <summary>Value: the keyword that is too long.</summary>
    public const string KeywordTooLong = "KeywordTooLong";

    /// <summary>Value: the maximum number of keywords.</summary>
    public const string TooManyKeywords = "TooManyKeywords";

    /// <summary>A name or keyword contains HTML or a script. Value: that name or keyword.</summary>
    public const string Markup = "Markup";
}
