using System.Globalization;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>
/// Turns the cells of one data row into <see cref="PatentDetails"/> or into every error of the row. Holds the
/// state that spans rows: the application numbers seen so far and the industry lookup.
/// </summary>
internal sealed class PatentImportRowValidator
{
    private static readonly string MaxNamesText = PatentDetails.MaxNames.ToString(CultureInfo.InvariantCulture);
    private static readonly string MaxKeywordsText = PatentDetails.MaxKeywords.ToString(CultureInfo.InvariantCulture);

    /// <summary>Longer values of errors are cut (<see cref="Shorten"/>).</summary>
    internal const int MaxValueLength = 80;

    /// <summary>Stands in for a number that could not be read, so the rules about the rest of the row still run.</summary>
    private static readonly ApplicationNumber StandInNumber = ApplicationNumber.Parse("200310000001." + ApplicationNumber.ComputeCheckCharacter("200310000001"));

    private readonly PatentImportContext _context;
    private readonly Dictionary<string, string> _industries;
    private readonly Dictionary<string, int> _firstRowOfNumber = new(StringComparer.Ordinal);
    private readonly List<(PatentImportField Field, int Order, PatentImportError Error)> _rowErrors = [];
    private readonly List<IpcCode> _further = [];

    // A holder's patents share a few hundred classes; each symbol is parsed and looked up once per file.
    private readonly Dictionary<string, (IpcCode Code, string? Error)> _ipcSymbols = new(StringComparer.Ordinal);

    // One bit per PatentImportField: the columns whose cells already failed, so the domain's rules about the same
    // field (which then sees an empty value) do not add a second, misleading error.
    private int _failedFields;
    private int _row;

    public PatentImportRowValidator(PatentImportContext context)
    {
        _context = context;
        _industries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var industry in context.Industries)
        {
            _industries.TryAdd(industry.Code, industry.Code);
            _industries.TryAdd(industry.NameZh, industry.Code);
            _industries.TryAdd(industry.NameEn, industry.Code);
            // "现代农业（涉农）" is also typed as "现代农业" or "涉农".
            var bracket = industry.NameZh.IndexOfAny(['（', '(']);
            if (bracket > 0)
            {
                _industries.TryAdd(industry.NameZh[..bracket], industry.Code);
                _industries.TryAdd(industry.NameZh[(bracket + 1)..].TrimEnd('）', ')'), industry.Code);
            }
        }
    }

    /// <summary>
    /// Checks one row. <paramref name="cells"/> is indexed by <see cref="PatentImportField"/> (null: empty or no
    /// such column). Errors go to <paramref name="errors"/> ordered by template column; null is returned then.
    /// </summary>
    public PatentDetails? Validate(int row, string?[] cells, List<PatentImportError> errors)
    {
        _row = row;
        _rowErrors.Clear();
        _further.Clear();
        _failedFields = 0;

        var applicationNumber = ReadApplicationNumber(cells[(int)PatentImportField.ApplicationNumber]);
        PatentType? type = applicationNumber?.Type;

        PublicationNumber? publicationNumber = null;
        var publicationText = cells[(int)PatentImportField.PublicationNumber];
        if (!string.IsNullOrWhiteSpace(publicationText))
        {
            if (PublicationNumber.TryParse(publicationText, out var parsed))
            {
                publicationNumber = parsed;
            }
            else
            {
                Fail(PatentImportField.PublicationNumber, PatentImportErrorCodes.PublicationNumberInvalid, Text.NormaliseInput(publicationText));
            }
        }

        var title = NullIfEmpty(PatentImportValues.Normalise(cells[(int)PatentImportField.Title]));

        // Abstracts and claims are prose with paragraphs: only the ends are trimmed.
        var abstractText = cells[(int)PatentImportField.Abstract]?.Trim() ?? string.Empty;
        if (abstractText.Length == 0)
        {
            Fail(PatentImportField.Abstract, PatentImportErrorCodes.Required, null);
        }

        var claims = NullIfEmpty(cells[(int)PatentImportField.Claims]?.Trim());

        var (mainIpc, locarnoFromMain) = ReadMainIpc(cells[(int)PatentImportField.MainIpc], type);
        ReadFurtherIpc(cells[(int)PatentImportField.FurtherIpc], mainIpc);
        if (mainIpc is null && type is not null and not PatentType.Design && !HasFailed(PatentImportField.MainIpc))
        {
            Fail(PatentImportField.MainIpc, PatentImportErrorCodes.Required, null);
        }

        var locarno = locarnoFromMain;
        var locarnoText = cells[(int)PatentImportField.Locarno];
        if (!string.IsNullOrWhiteSpace(locarnoText))
        {
            if (LocarnoClass.TryParse(locarnoText, out var parsed))
            {
                locarno = parsed;
            }
            else
            {
                Fail(PatentImportField.Locarno, PatentImportErrorCodes.LocarnoMalformed, Text.NormaliseInput(locarnoText));
            }
        }

        var inventors = ReadNames(PatentImportField.Inventors, cells[(int)PatentImportField.Inventors]);
        var coOwners = ReadNames(PatentImportField.CoOwners, cells[(int)PatentImportField.CoOwners]);

        var filingDate = ReadDate(PatentImportField.FilingDate, cells[(int)PatentImportField.FilingDate], required: true);
        var publicationDate = ReadDate(PatentImportField.PublicationDate, cells[(int)PatentImportField.PublicationDate], required: false);
        var grantDate = ReadDate(PatentImportField.GrantDate, cells[(int)PatentImportField.GrantDate], required: false);

        var statusText = cells[(int)PatentImportField.LegalStatus];
        var status = PatentImportValues.DefaultLegalStatus(grantDate);
        if (!string.IsNullOrWhiteSpace(statusText)
            && !PatentImportValues.TryParseLegalStatus(statusText, type, filingDate, _context.Today, out status))
        {
            // The default keeps the domain from reporting grant-date rules about a status nobody stated.
            status = PatentImportValues.DefaultLegalStatus(grantDate);
            Fail(PatentImportField.LegalStatus, PatentImportErrorCodes.LegalStatusUnknown, Text.NormaliseInput(statusText));
        }

        var keywords = ReadKeywords(cells[(int)PatentImportField.Keywords]);

        string? industryCode = null;
        var industryText = cells[(int)PatentImportField.Industry];
        if (!string.IsNullOrWhiteSpace(industryText))
        {
            var key = PatentImportValues.Normalise(industryText);
            if (!_industries.TryGetValue(key, out industryCode))
            {
                Fail(PatentImportField.Industry, PatentImportErrorCodes.IndustryUnknown, key);
            }
        }

        // Without a number or a filing date the row has failed already; the rules run all the same on a stand-in for
        // what is missing, and only those that do not depend on it are kept, so every mistake of the row is
        // reported in one pass.
        var details = new PatentDetails(
            applicationNumber ?? StandInNumber, publicationNumber, title, abstractText, claims, mainIpc,
            _further.Count == 0 ? [] : [.. _further], locarno, coOwners, inventors, filingDate ?? _context.Today, publicationDate,
            grantDate, status, keywords, industryCode);
        foreach (var rule in details.Validate(_context.Today))
        {
            var field = FieldOf(rule, mainIpc);
            if (!HasFailed(field)
                && (applicationNumber is not null || !DependsOnNumber(rule))
                && (filingDate is not null || !DependsOnFilingDate(rule)))
            {
                Add(field, rule.Code, RuleValue(rule.Code, field, details, cells));
            }
        }

        if (_rowErrors.Count == 0)
        {
            // No error means both the number and the filing date were read: these are the real details.
            return details;
        }

        // Stable: by column, and within a column in the order found.
        _rowErrors.Sort(static (a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.Order.CompareTo(b.Order));
        foreach (var (_, _, error) in _rowErrors)
        {
            errors.Add(error);
        }

        return null;
    }

    private ApplicationNumber? ReadApplicationNumber(string? text)
    {
        const PatentImportField field = PatentImportField.ApplicationNumber;
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail(field, PatentImportErrorCodes.Required, null);
            return null;
        }

        if (!ApplicationNumber.TryParse(text, out var number, out var error))
        {
            Fail(field, PatentImportErrorCodes.ApplicationNumberPrefix + error, ApplicationNumberErrorValue(text, error));
            return null;
        }

        if (_firstRowOfNumber.TryGetValue(number.Value, out var firstRow))
        {
            Fail(field, PatentImportErrorCodes.DuplicateInFile, firstRow.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            _firstRowOfNumber.Add(number.Value, _row);
        }

        return number;
    }

    /// <summary>For a wrong or missing check character the clerk needs the right one; otherwise what was typed.</summary>
    private static string ApplicationNumberErrorValue(string text, ApplicationNumberError error)
    {
        var typed = Text.NormaliseInput(text);
        if (error is not (ApplicationNumberError.WrongCheckDigit or ApplicationNumberError.CheckDigitMissing))
        {
            return typed;
        }

        var digits = new string(typed.Where(char.IsAsciiDigit).ToArray());
        if (error == ApplicationNumberError.WrongCheckDigit)
        {
            // The last digit typed is the (wrong) check character unless it was an X.
            var upper = typed.ToUpperInvariant();
            digits = upper.EndsWith('X') ? digits : digits[..^1];
        }

        return digits.Length is 12 or 8 ? ApplicationNumber.ComputeCheckCharacter(digits).ToString() : typed;
    }

    private (IpcCode? Main, LocarnoClass? Locarno) ReadMainIpc(string? text, PatentType? type)
    {
        var symbols = PatentImportValues.SplitValues(text);
        if (symbols.Length == 0)
        {
            return (null, null);
        }

        // Registers list a design's Locarno class as its main classification; accept it there.
        if (type == PatentType.Design && symbols.Length == 1 && !IpcCode.TryParse(symbols[0], out _)
            && LocarnoClass.TryParse(symbols[0], out var locarno))
        {
            return (null, locarno);
        }

        // Exports often have one "IPC分类号" column with every class: the first is the main one, the rest further ones.
        IpcCode? main = null;
        for (var i = 0; i < symbols.Length; i++)
        {
            var code = ReadIpc(PatentImportField.MainIpc, symbols[i]);
            if (code is null)
            {
                continue;
            }

            if (i == 0)
            {
                main = code;
            }
            else if (!_further.Contains(code.Value))
            {
                _further.Add(code.Value);
            }
        }

        return (main, null);
    }

    private void ReadFurtherIpc(string? text, IpcCode? main)
    {
        foreach (var symbol in PatentImportValues.SplitValues(text))
        {
            // A repeated symbol or the main one again is harmless duplication, not an error.
            if (ReadIpc(PatentImportField.FurtherIpc, symbol) is { } code && code != main && !_further.Contains(code))
            {
                _further.Add(code);
            }
        }
    }

    private IpcCode? ReadIpc(PatentImportField field, string symbol)
    {
        if (!_ipcSymbols.TryGetValue(symbol, out var known))
        {
            known = !IpcCode.TryParse(symbol, out var parsed) ? (default, PatentImportErrorCodes.IpcMalformed)
                : !_context.IpcExists(parsed.Value) ? (parsed, PatentImportErrorCodes.IpcUnknown)
                : (parsed, null);
            _ipcSymbols.Add(symbol, known);
        }

        switch (known.Error)
        {
            case null:
                return known.Code;
            case PatentImportErrorCodes.IpcMalformed:
                Fail(field, known.Error, symbol);
                return null;
            default:
                Fail(field, known.Error, known.Code.Value);
                return null;
        }
    }

    private string[] ReadNames(PatentImportField field, string? text)
    {
        var names = PatentImportValues.SplitValues(text);
        if (names.Length > PatentDetails.MaxNames)
        {
            Fail(field, PatentImportErrorCodes.TooManyNames, MaxNamesText);
        }

        foreach (var name in names)
        {
            if (IsLongerThan(name, PatentDetails.NameMaxLength))
            {
                Fail(field, PatentImportErrorCodes.NameTooLong, name);
            }
            else if (MayContainMarkup(name) && Text.ContainsMarkup(name))
            {
                Fail(field, PatentImportErrorCodes.Markup, name);
            }
        }

        return names;
    }

    private string[] ReadKeywords(string? text)
    {
        const PatentImportField field = PatentImportField.Keywords;
        var keywords = PatentImportValues.SplitValues(text);
        if (keywords.Length > PatentDetails.MaxKeywords)
        {
            Fail(field, PatentImportErrorCodes.TooManyKeywords, MaxKeywordsText);
        }

        foreach (var keyword in keywords)
        {
            if (IsLongerThan(keyword, PatentDetails.KeywordMaxLength))
            {
                Fail(field, PatentImportErrorCodes.KeywordTooLong, keyword);
            }
            else if (MayContainMarkup(keyword) && Text.ContainsMarkup(keyword))
            {
                Fail(field, PatentImportErrorCodes.Markup, keyword);
            }
        }

        return keywords;
    }

    private DateOnly? ReadDate(PatentImportField field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Fail(field, PatentImportErrorCodes.Required, null);
            }

            return null;
        }

        if (PatentImportValues.TryParseDate(text, out var date))
        {
            return date;
        }

        Fail(field, PatentImportErrorCodes.DateInvalid, Text.NormaliseInput(text));
        return null;
    }

    private static PatentImportField FieldOf(PatentRuleError rule, IpcCode? mainIpc) => rule.Field switch
    {
        nameof(PatentDetails.Title) => PatentImportField.Title,
        nameof(PatentDetails.Abstract) => PatentImportField.Abstract,
        nameof(PatentDetails.Claims) => PatentImportField.Claims,
        // A design with only further classes is told about the column that has them.
        nameof(PatentDetails.MainIpc) => mainIpc is null && rule.Code == "DesignHasNoIpc" ? PatentImportField.FurtherIpc : PatentImportField.MainIpc,
        nameof(PatentDetails.FurtherIpc) => PatentImportField.FurtherIpc,
        nameof(PatentDetails.Locarno) => PatentImportField.Locarno,
        nameof(PatentDetails.Inventors) => PatentImportField.Inventors,
        nameof(PatentDetails.CoOwners) => PatentImportField.CoOwners,
        nameof(PatentDetails.FilingDate) => PatentImportField.FilingDate,
        nameof(PatentDetails.PublicationDate) => PatentImportField.PublicationDate,
        nameof(PatentDetails.GrantDate) => PatentImportField.GrantDate,
        nameof(PatentDetails.Status) => PatentImportField.LegalStatus,
        nameof(PatentDetails.Keywords) => PatentImportField.Keywords,
        nameof(PatentDetails.IndustryCode) => PatentImportField.Industry,
        _ => PatentImportField.ApplicationNumber,
    };

    /// <summary>
    /// What a rule's message shows: the limit that was exceeded, the year the number implies, the date out of range,
    /// or the text that broke the rule.
    /// </summary>
    private static string? RuleValue(string code, PatentImportField field, PatentDetails details, string?[] cells) => code switch
    {
        "TitleTooLong" => PatentDetails.TitleMaxLength.ToString(CultureInfo.InvariantCulture),
        "AbstractTooLong" => PatentDetails.AbstractMaxLength.ToString(CultureInfo.InvariantCulture),
        "ClaimsTooLong" => PatentDetails.ClaimsMaxLength.ToString(CultureInfo.InvariantCulture),
        "TooManyIpc" => PatentDetails.MaxFurtherIpc.ToString(CultureInfo.InvariantCulture),
        "FilingYearMismatch" => details.ApplicationNumber.Year.ToString(CultureInfo.InvariantCulture),
        "FilingDateInFuture" => IsoDate(details.FilingDate),
        "PublicationDateOutOfRange" => IsoDate(details.PublicationDate),
        "GrantDateOutOfRange" => IsoDate(details.GrantDate),
        "Markup" => Text.NormaliseInput(cells[(int)field]),
        _ => null,
    };

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Rules about the type (classes) or the year in the number: meaningless for the stand-in number.</summary>
    private static bool DependsOnNumber(PatentRuleError rule) =>
        rule.Field is nameof(PatentDetails.MainIpc) or nameof(PatentDetails.FurtherIpc) or nameof(PatentDetails.Locarno)
        || rule.Code == "FilingYearMismatch";

    /// <summary>Rules that compare dates with the filing date: meaningless for the stand-in date.</summary>
    private static bool DependsOnFilingDate(PatentRuleError rule) =>
        rule.Field is nameof(PatentDetails.FilingDate) or nameof(PatentDetails.PublicationDate) || rule.Code == "GrantDateOutOfRange";

    private bool HasFailed(PatentImportField field) => (_failedFields & (1 << (int)field)) != 0;

    private void Fail(PatentImportField field, string code, string? value)
    {
        _failedFields |= 1 << (int)field;
        Add(field, code, value);
    }

    private void Add(PatentImportField field, string code, string? value) =>
        _rowErrors.Add((field, _rowErrors.Count, new PatentImportError(_row, PatentImportColumns.Get(field).Header, code, Shorten(value))));

    /// <summary>An error shows enough of a long cell (an abstract, say) to find it, not all of it.</summary>
    internal static string? Shorten(string? value)
    {
        if (value is null || value.Length <= MaxValueLength)
        {
            return value;
        }

        var end = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return string.Concat(value.AsSpan(0, end), "…");
    }

    /// <summary>A text element has at least one UTF-16 unit, so a short string needs no counting.</summary>
    private static bool IsLongerThan(string text, int maxLength) => text.Length > maxLength && Text.DisplayLength(text) > maxLength;

    /// <summary>Markup needs a tag's "&lt;", a script URL's ":" or an event handler's "="; most names have none.</summary>
    private static bool MayContainMarkup(string text) => text.AsSpan().IndexOfAny('<', ':', '=') >= 0;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
