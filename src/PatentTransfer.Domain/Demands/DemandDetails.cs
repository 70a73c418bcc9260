using System.Text.RegularExpressions;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Demands;

/// <summary>Kinds of technology demand (docs/DOMAIN.md §5). Names are stored; do not rename.</summary>
public enum DemandType
{
    TechnicalProblem,
    TechnologyImport,
    LicenceWanted,
    JointRnD,
    Talent,
}

/// <summary>How the SME would like to pay.</summary>
public enum PaymentPreference
{
    LumpSum,
    Royalty,
    PayLater,
}

/// <summary>How the SME would like to obtain the technology.</summary>
public enum DemandMode
{
    Buy,
    Licence,
    Equity,
    JointRnD,
}

/// <summary>Who may see the demand and who posted it (see <see cref="DemandConfidentialityRules"/>).</summary>
public enum DemandConfidentiality
{
    Public,
    Anonymised,
    PlatformOnly,
}

/// <summary>How a quantified target compares its indicator with the value ("toughness ≥ 67 %").</summary>
public enum TargetComparator
{
    AtLeast,
    AtMost,
    Equal,
    GreaterThan,
    LessThan,
    Between,
}

/// <summary>What each confidentiality level means for the demand hall and for proposals.</summary>
public static class DemandConfidentialityRules
{
    /// <summary>
    /// Public and anonymised demands appear in the public demand hall; platform-only ones only to staff and verified
    /// patent holders (docs/decisions/0013-demand-hall.md).
    /// </summary>
    public static bool IsInPublicHall(this DemandConfidentiality confidentiality) => confidentiality != DemandConfidentiality.PlatformOnly;

    /// <summary>
    /// Only public demands name the SME and (to users of verified organisations) give its contact; the others show the
    /// city and size only.
    /// </summary>
    public static bool DisclosesSme(this DemandConfidentiality confidentiality) => confidentiality == DemandConfidentiality.Public;
}

/// <summary>A broken rule of a demand: the field it concerns ("Targets[2]" for a row) and a stable code ("Rule_Demand_{Code}").</summary>
public sealed record DemandRuleError(string Field, string Code);

/// <summary>
/// A measurable goal of the demand: indicator, comparator, value (and upper value for a range), unit. Rows typed
/// into the form may be incomplete; <see cref="DemandDetails.Validate"/> says what is missing.
/// </summary>
public sealed record DemandTarget(string Indicator, TargetComparator Comparator, decimal? Value, decimal? UpperValue, string? Unit)
{
    public const int IndicatorMaxLength = 50;
    public const int UnitMaxLength = 20;

    /// <summary>Every part left blank: a row the user added and never filled.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Indicator) && Value is null && UpperValue is null && string.IsNullOrWhiteSpace(Unit);
}

/// <summary>Budget in 万元 (10,000 yuan): a range, an upper or lower bound, or "negotiable".</summary>
public sealed record DemandBudget(bool Negotiable, decimal? MinWan, decimal? MaxWan)
{
    /// <summary>10 billion yuan: beyond any SME demand, and within numeric(12,2).</summary>
    public const decimal MaxWanAmount = 1_000_000m;

    public static DemandBudget NegotiableBudget { get; } = new(true, null, null);
}

/// <summary>Who answers questions about the demand.</summary>
public sealed record DemandContact(string Name, string Phone, string? Email)
{
    public const int NameMaxLength = 50;
}

/// <summary>
/// Everything an SME states in a demand, as typed into the form. One set of rules serves the form (all errors at
/// once, per field) and the <see cref="Demand"/> aggregate (which refuses the first).
/// </summary>
public sealed partial record DemandDetails(
    string Title,
    DemandType Type,
    string? IndustryCode,
    string? IpcHint,
    IReadOnlyList<string> Keywords,
    string Description,
    IReadOnlyList<DemandTarget> Targets,
    string? ExistingBasis,
    string? TargetScene,
    DemandBudget Budget,
    IReadOnlyList<PaymentPreference> PaymentPreferences,
    IReadOnlyList<DemandMode> Modes,
    DateOnly? ExpectedCompletion,
    DateOnly? ValidUntil,
    DemandConfidentiality Confidentiality,
    DemandContact Contact)
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMinLength = 20;
    public const int DescriptionMaxLength = 10_000;
    public const int ExistingBasisMaxLength = 2_000;
    public const int TargetSceneMaxLength = 1_000;
    public const int MaxKeywords = 10;
    public const int KeywordMaxLength = 20;
    public const int MaxTargets = 20;
    public const int MaxValidityMonths = 12;
    public const int MaxCompletionYears = 10;

    /// <summary>
    /// Kinds of demand that are about technology and so need at least one measurable target: CNIPA found that
    /// holders turn vague demands down. A licence wanted names a technology already; talent is about people.
    /// </summary>
    public static bool NeedsTargets(DemandType type) =>
        type is DemandType.TechnicalProblem or DemandType.TechnologyImport or DemandType.JointRnD;

    /// <summary>Every broken rule, in the order of the form. <paramref name="today"/> is the SME's local date.</summary>
    /// <param name="carriedOver">
    /// The demand was posted on another platform and is shown here as written there (<see cref="Demand.Source"/> is
    /// set). Two rules are exempted for it: at least one quantified target for technology demands, and the minimum
    /// length of the description. Both exist to make an SME posting here describe its need well enough for holders to
    /// answer; text posted elsewhere keeps its form, and adding targets or words to it would put words in the SME's
    /// mouth. Every other rule (lengths, markup, dates, contact) still holds.
    /// </param>
    public IReadOnlyList<DemandRuleError> Validate(DateOnly today, bool carriedOver = false)
    {
        var errors = new List<DemandRuleError>();
        void Add(string field, string code) => errors.Add(new(field, code));

        var title = Text.NormaliseInput(Title);
        if (title.Length == 0)
        {
            Add(nameof(Title), "TitleRequired");
        }
        else if (Text.DisplayLength(title) > TitleMaxLength)
        {
            Add(nameof(Title), "TitleTooLong");
        }
        else if (Text.ContainsMarkup(title))
        {
            Add(nameof(Title), "Markup");
        }

        if (!Enum.IsDefined(Type))
        {
            Add(nameof(Type), "TypeInvalid");
        }

        if (string.IsNullOrWhiteSpace(IndustryCode))
        {
            Add(nameof(IndustryCode), "IndustryRequired");
        }

        if (!string.IsNullOrWhiteSpace(IpcHint) && !TryNormaliseIpcHint(IpcHint, out _))
        {
            Add(nameof(IpcHint), "IpcHintInvalid");
        }

        if (Keywords.Count > MaxKeywords
            || Keywords.Any(k => string.IsNullOrWhiteSpace(k) || Text.DisplayLength(k.Trim()) > KeywordMaxLength || Text.ContainsMarkup(k)))
        {
            Add(nameof(Keywords), "KeywordsInvalid");
        }

        CheckLongText(nameof(Description), Description, DescriptionMaxLength, required: true, minimum: carriedOver ? 0 : DescriptionMinLength);
        ValidateTargets(Add, targetsRequired: NeedsTargets(Type) && !carriedOver);
        CheckLongText(nameof(ExistingBasis), ExistingBasis, ExistingBasisMaxLength, required: false, minimum: 0);
        CheckLongText(nameof(TargetScene), TargetScene, TargetSceneMaxLength, required: false, minimum: 0);
        ValidateBudget(Add);

        if (PaymentPreferences.Any(p => !Enum.IsDefined(p)))
        {
            Add(nameof(PaymentPreferences), "PaymentInvalid");
        }

        if (Modes.Count == 0 || Modes.Any(m => !Enum.IsDefined(m)))
        {
            Add(nameof(Modes), "ModeRequired");
        }

        foreach (var error in DateErrors(ExpectedCompletion, ValidUntil, today))
        {
            errors.Add(error);
        }

        if (!Enum.IsDefined(Confidentiality))
        {
            Add(nameof(Confidentiality), "ConfidentialityInvalid");
        }

        var contactName = Text.NormaliseInput(Contact.Name);
        if (contactName.Length == 0)
        {
            Add("ContactName", "ContactNameRequired");
        }
        else if (Text.DisplayLength(contactName) > DemandContact.NameMaxLength || Text.ContainsMarkup(contactName))
        {
            Add("ContactName", "ContactNameInvalid");
        }

        if (string.IsNullOrWhiteSpace(Contact.Phone))
        {
            Add("ContactPhone", "ContactPhoneRequired");
        }
        else if (!ContactRules.TryNormalisePhone(Contact.Phone, out _))
        {
            Add("ContactPhone", "ContactPhoneInvalid");
        }

        if (!string.IsNullOrWhiteSpace(Contact.Email) && !ContactRules.IsEmail(Contact.Email))
        {
            Add("ContactEmail", "ContactEmailInvalid");
        }

        return errors;

        void CheckLongText(string field, string? text, int maximum, bool required, int minimum)
        {
            var value = Paragraphs(text);
            if (value is null)
            {
                if (required)
                {
                    Add(field, field + "Required");
                }

                return;
            }

            // Technical text compares quantities with < and > ("含水率<5%"): only real HTML and scripts are refused.
            if (Text.ContainsHtml(value))
            {
                Add(field, "Markup");
            }
            else if (Text.DisplayLength(value) > maximum)
            {
                Add(field, field + "TooLong");
            }
            else if (Text.DisplayLength(value) < minimum)
            {
                Add(field, field + "TooShort");
            }
        }
    }

    /// <summary>
    /// The two dates of a demand on a given day: an expected completion, if stated, not in the past and within
    /// <see cref="MaxCompletionYears"/>; a last day of validity after today and at most <see cref="MaxValidityMonths"/> ahead.
    /// </summary>
    public static IEnumerable<DemandRuleError> DateErrors(DateOnly? expectedCompletion, DateOnly? validUntil, DateOnly today)
    {
        if (expectedCompletion is { } completion)
        {
            if (completion < today)
            {
                yield return new(nameof(ExpectedCompletion), "ExpectedCompletionPast");
            }
            else if (completion > today.AddYears(MaxCompletionYears))
            {
                yield return new(nameof(ExpectedCompletion), "ExpectedCompletionTooFar");
            }
        }

        if (validUntil is not { } until)
        {
            yield return new(nameof(ValidUntil), "ValidUntilRequired");
        }
        else if (until <= today)
        {
            yield return new(nameof(ValidUntil), "ValidUntilNotFuture");
        }
        else if (until > today.AddMonths(MaxValidityMonths))
        {
            yield return new(nameof(ValidUntil), "ValidUntilTooFar");
        }
    }

    /// <summary>
    /// An IPC symbol at any level below the section, as the IPC table writes it: class "C22", subclass "C22C",
    /// main group "C22C38/00" or subgroup "C22C38/04". Whether it exists is a question for the IPC table.
    /// </summary>
    public static bool TryNormaliseIpcHint(string? input, out string symbol)
    {
        symbol = string.Empty;
        var text = Text.NormaliseInput(input).Replace(" ", "", StringComparison.Ordinal).Replace('／', '/').ToUpperInvariant();
        if (IpcClassPattern().IsMatch(text))
        {
            symbol = text;
            return true;
        }

        if (Patents.IpcCode.TryParse(text, out var code))
        {
            symbol = code.Value;
            return true;
        }

        return false;
    }

    /// <summary>Long texts keep their paragraphs; only the ends are trimmed. Null when nothing was typed.</summary>
    public static string? Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private void ValidateTargets(Action<string, string> add, bool targetsRequired)
    {
        if (Targets.Count > MaxTargets)
        {
            add(nameof(Targets), "TooManyTargets");
        }

        for (var i = 0; i < Targets.Count; i++)
        {
            var target = Targets[i];
            var field = $"{nameof(Targets)}[{i}]";
            var indicator = Text.NormaliseInput(target.Indicator);
            var unit = Text.NormaliseInput(target.Unit);
            if (target.IsBlank)
            {
                // A blank row is refused rather than dropped: the user may have meant to fill it.
                add(field, "TargetEmpty");
            }
            else if (indicator.Length == 0)
            {
                add(field, "TargetIndicatorRequired");
            }
            else if (Text.DisplayLength(indicator) > DemandTarget.IndicatorMaxLength || Text.ContainsMarkup(indicator))
            {
                add(field, "TargetIndicatorInvalid");
            }
            else if (target.Value is null || !Enum.IsDefined(target.Comparator))
            {
                add(field, "TargetValueRequired");
            }
            else if (target.Comparator == TargetComparator.Between && (target.UpperValue is not { } upper || upper <= target.Value))
            {
                add(field, "TargetRangeInvalid");
            }
            else if (Text.DisplayLength(unit) > DemandTarget.UnitMaxLength || Text.ContainsMarkup(unit))
            {
                add(field, "TargetUnitInvalid");
            }
        }

        if (targetsRequired && Targets.Count == 0)
        {
            add(nameof(Targets), "TargetsRequired");
        }
    }

    private void ValidateBudget(Action<string, string> add)
    {
        if (Budget.Negotiable)
        {
            return;
        }

        if (Budget.MinWan is null && Budget.MaxWan is null)
        {
            add(nameof(Budget), "BudgetRequired");
            return;
        }

        var amountsValid = true;
        foreach (var (field, amount) in new[] { ("BudgetMin", Budget.MinWan), ("BudgetMax", Budget.MaxWan) })
        {
            if (amount is < 0)
            {
                add(field, "BudgetNegative");
                amountsValid = false;
            }
            else if (amount is { } value && (value > DemandBudget.MaxWanAmount || decimal.Round(value, 2) != value))
            {
                add(field, "BudgetAmountInvalid");
                amountsValid = false;
            }
        }

        if (amountsValid && Budget.MinWan > Budget.MaxWan)
        {
            add(nameof(Budget), "BudgetMinAboveMax");
        }
    }

    [GeneratedRegex(@"^[A-H]\d{2}[A-Z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex IpcClassPattern();
}
