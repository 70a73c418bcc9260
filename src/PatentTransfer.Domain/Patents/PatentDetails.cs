using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Patents;

/// <summary>A broken rule of a patent's details: the field it concerns and a stable code ("Rule_Patent_{Code}").</summary>
public sealed record PatentRuleError(string Field, string Code);

/// <summary>
/// The bibliographic details of a patent as a holder states them, already parsed into value types. One set of
/// rules serves the import preview (all errors at once) and the aggregate (which refuses the first).
/// </summary>
public sealed record PatentDetails(
    ApplicationNumber ApplicationNumber,
    PublicationNumber? PublicationNumber,
    string? Title,
    string Abstract,
    string? Claims,
    IpcCode? MainIpc,
    IReadOnlyList<IpcCode> FurtherIpc,
    LocarnoClass? Locarno,
    IReadOnlyList<string> CoOwners,
    IReadOnlyList<string> Inventors,
    DateOnly FilingDate,
    DateOnly? PublicationDate,
    DateOnly? GrantDate,
    LegalStatus Status,
    IReadOnlyList<string> Keywords,
    string? IndustryCode)
{
    public const int TitleMaxLength = 200;
    public const int AbstractMaxLength = 20_000;
    public const int ClaimsMaxLength = 200_000;
    public const int NameMaxLength = 100;
    public const int MaxNames = 50;
    public const int KeywordMaxLength = 30;
    public const int MaxKeywords = 20;
    public const int MaxFurtherIpc = 30;

    public PatentType Type => ApplicationNumber.Type;

    /// <summary>Every broken rule, in field order. <paramref name="today"/> is the holder's local date.</summary>
    public IReadOnlyList<PatentRuleError> Validate(DateOnly today)
    {
        var errors = new List<PatentRuleError>();
        void Add(string field, string code) => errors.Add(new(field, code));

        if (Title is not null && Text.DisplayLength(Title) > TitleMaxLength)
        {
            Add(nameof(Title), "TitleTooLong");
        }

        if (string.IsNullOrWhiteSpace(Abstract))
        {
            Add(nameof(Abstract), "AbstractRequired");
        }
        else if (Abstract.Length > AbstractMaxLength)
        {
            Add(nameof(Abstract), "AbstractTooLong");
        }

        if (Claims is not null && Claims.Length > ClaimsMaxLength)
        {
            Add(nameof(Claims), "ClaimsTooLong");
        }

        if (Text.ContainsMarkup(Title))
        {
            Add(nameof(Title), "Markup");
        }

        // Technical text compares quantities with < and >; only real HTML is refused there.
        foreach (var (field, text) in new[] { (nameof(Abstract), Abstract), (nameof(Claims), Claims) })
        {
            if (Text.ContainsHtml(text))
            {
                Add(field, "Markup");
            }
        }

        if (Type == PatentType.Design)
        {
            if (Locarno is null)
            {
                Add(nameof(Locarno), "LocarnoRequired");
            }

            if (MainIpc is not null || FurtherIpc.Count > 0)
            {
                Add(nameof(MainIpc), "DesignHasNoIpc");
            }
        }
        else
        {
            if (MainIpc is null)
            {
                Add(nameof(MainIpc), "MainIpcRequired");
            }

            if (Locarno is not null)
            {
                Add(nameof(Locarno), "LocarnoOnlyForDesigns");
            }

            if (FurtherIpc.Count > MaxFurtherIpc)
            {
                Add(nameof(FurtherIpc), "TooManyIpc");
            }
        }

        CheckNames(nameof(Inventors), Inventors);
        CheckNames(nameof(CoOwners), CoOwners);
        if (Keywords.Count > MaxKeywords || Keywords.Any(k => k.Length == 0 || Text.DisplayLength(k) > KeywordMaxLength || Text.ContainsMarkup(k)))
        {
            Add(nameof(Keywords), "KeywordsInvalid");
        }

        // The year in the number is the filing year, except for PCT numbers (the year of national-phase entry).
        if (!ApplicationNumber.IsPct && FilingDate.Year != ApplicationNumber.Year)
        {
            Add(nameof(FilingDate), "FilingYearMismatch");
        }

        if (FilingDate > today)
        {
            Add(nameof(FilingDate), "FilingDateInFuture");
        }

        if (PublicationDate is { } published && (published < FilingDate || published > today))
        {
            Add(nameof(PublicationDate), "PublicationDateOutOfRange");
        }

        if (GrantDate is { } granted && (granted < FilingDate || granted > today))
        {
            Add(nameof(GrantDate), "GrantDateOutOfRange");
        }

        if (Status != LegalStatus.Pending && GrantDate is null)
        {
            Add(nameof(GrantDate), "GrantDateRequired");
        }

        if (Status == LegalStatus.Pending && GrantDate is not null)
        {
            Add(nameof(Status), "GrantedIsNotPending");
        }

        return errors;

        void CheckNames(string field, IReadOnlyList<string> names)
        {
            if (names.Count > MaxNames || names.Any(n => n.Length == 0 || Text.DisplayLength(n) > NameMaxLength || Text.ContainsMarkup(n)))
            {
                Add(field, "NamesInvalid");
            }
        }
    }
}
