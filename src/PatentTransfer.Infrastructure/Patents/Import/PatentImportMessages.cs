using System.Collections.Frozen;
using System.Globalization;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>
/// The Chinese and English texts of every import error, from one table (import-messages.tsv, embedded): the web
/// page, the CLI and the tests read the same texts. A code is the error's <see cref="PatentImportError.Code"/>;
/// file-level codes are prefixed "File_". "{0}" in a text is the error's value.
/// </summary>
public static class PatentImportMessages
{
    public const string ResourceName = "PatentImport.import-messages.tsv";

    /// <summary>The key of the line format: row, column and message.</summary>
    public const string LineKey = "Line";

    public const string FilePrefix = "File_";

    private static readonly FrozenDictionary<string, (string Zh, string En)> Texts = Load();

    /// <summary>Every key of the table.</summary>
    public static IReadOnlyCollection<string> Keys => Texts.Keys;

    public static bool Has(string key) => Texts.ContainsKey(key);

    /// <summary>The text of <paramref name="key"/> in Chinese or English, unformatted; the key itself when there is none.</summary>
    public static string Text(string key, CultureInfo culture) =>
        Texts.TryGetValue(key, out var texts) ? IsEnglish(culture) ? texts.En : texts.Zh : key;

    /// <summary>The message of a cell error, its value filled in.</summary>
    public static string Message(PatentImportError error, CultureInfo culture) => Format(error.Code, error.Value, culture);

    /// <summary>"第 5 行，申请号：…" / "Row 5, 申请号 (Application No.): …".</summary>
    public static string Describe(PatentImportError error, CultureInfo culture)
    {
        var column = error.Column;
        if (IsEnglish(culture) && PatentImportColumns.FindByHeader(error.Column) is { } known)
        {
            column = $"{known.Header} ({known.EnglishHeader})";
        }

        return string.Format(culture, Text(LineKey, culture), error.Row, column, Message(error, culture));
    }

    /// <summary>The message of a file-level error (<see cref="PatentImportParseResult.FileErrorCode"/>).</summary>
    public static string FileMessage(string code, string? value, CultureInfo culture) => Format(FilePrefix + code, value, culture);

    private static string Format(string key, string? value, CultureInfo culture) =>
        string.Format(culture, Text(key, culture), value ?? string.Empty);

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    private static FrozenDictionary<string, (string Zh, string En)> Load()
    {
        using var stream = typeof(PatentImportMessages).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var texts = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("code\t", StringComparison.Ordinal))
            {
                continue;
            }

            // A missing translation or a repeated code is a mistake in the table, found at start-up, not by a user.
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields.Any(string.IsNullOrWhiteSpace) || !texts.TryAdd(fields[0], (fields[1], fields[2])))
            {
                throw new InvalidOperationException($"{ResourceName} line {lineNumber}: expected a new code, a Chinese and an English text.");
            }
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
