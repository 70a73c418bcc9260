using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Web.Features.Demands;

/// <summary>
/// A demand as shown to someone allowed to see it. <see cref="Status"/> is the status on the day it is read: a
/// published demand past its last day shows as expired even before the expiry sweep has marked it. A demo demand, or
/// one carried over from another platform, names where its text comes from (<see cref="Source"/>).
/// </summary>
public sealed record DemandView(
    Guid Id,
    Guid SmeOrganisationId,
    DemandDetails Details,
    DemandStatus Status,
    string? ReturnReason,
    DemandCloseReason? CloseReason,
    string? CloseNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReviewedAt,
    DateTimeOffset? ReturnedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? RenewedAt,
    DateTimeOffset? ExpiredAt,
    DateTimeOffset? ClosedAt,
    uint Version,
    bool IsDemo,
    string? Source)
{
    public bool IsEditable => Status is DemandStatus.Draft or DemandStatus.Returned;

    public bool IsRenewable => Status is DemandStatus.Published or DemandStatus.Expired;

    public bool IsClosable => Status is DemandStatus.Published or DemandStatus.Expired;

    public bool IsWithdrawable => Status is DemandStatus.Draft or DemandStatus.Submitted or DemandStatus.Returned;

    public static DemandView From(Demand demand, DateOnly today) => new(
        demand.Id, demand.SmeOrganisationId, demand.CurrentDetails, demand.IsExpired(today) ? DemandStatus.Expired : demand.Status,
        demand.ReturnReason, demand.CloseReason, demand.CloseNote, demand.CreatedAt, demand.UpdatedAt, demand.SubmittedAt, demand.ReviewedAt,
        demand.ReturnedAt, demand.PublishedAt, demand.RenewedAt, demand.ExpiredAt, demand.ClosedAt, demand.Version, demand.IsDemo, demand.Source);
}

/// <summary>The SME behind a demand as staff see it: DOMAIN.md §5 asks for credit code, size and location.</summary>
public sealed record DemandSmeView(
    Guid Id,
    string Name,
    string CreditCode,
    EnterpriseSize? Size,
    string RegionCode,
    string? CityCode,
    OrganisationStatus Status,
    bool IsDemo);

/// <summary>One entry of a demand's follow-up log.</summary>
public sealed record DemandFollowUpRow(
    Guid Id,
    DemandFollowUpKind Kind,
    DateOnly Date,
    string Text,
    string AuthorName,
    DateTimeOffset CreatedAt);

/// <summary>What someone types to add to the follow-up log.</summary>
public sealed record DemandFollowUpInput(DemandFollowUpKind Kind, DateOnly? Date, string? Text);

/// <summary>One row of a target as typed into the form.</summary>
public sealed class DemandTargetInput
{
    public string? Indicator { get; set; }
    public TargetComparator Comparator { get; set; } = TargetComparator.AtLeast;
    public decimal? Value { get; set; }
    public decimal? UpperValue { get; set; }
    public string? Unit { get; set; }
}

/// <summary>
/// The demand form as typed: the editor binds to it, the service turns it into <see cref="DemandDetails"/> and the
/// domain decides. Keywords are one text, separated as people type them (；，、 or new lines).
/// </summary>
public sealed class DemandInput
{
    public string? Title { get; set; }
    public DemandType Type { get; set; } = DemandType.TechnicalProblem;
    public string? IndustryCode { get; set; }
    public string? IpcHint { get; set; }
    public string? Keywords { get; set; }
    public string? Description { get; set; }
    public List<DemandTargetInput> Targets { get; set; } = [];
    public string? ExistingBasis { get; set; }
    public string? TargetScene { get; set; }
    public bool BudgetNegotiable { get; set; }
    public decimal? BudgetMinWan { get; set; }
    public decimal? BudgetMaxWan { get; set; }
    public IReadOnlyCollection<PaymentPreference> PaymentPreferences { get; set; } = [];
    public IReadOnlyCollection<DemandMode> Modes { get; set; } = [];
    public DateOnly? ExpectedCompletion { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public DemandConfidentiality Confidentiality { get; set; } = DemandConfidentiality.Public;
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public static DemandInput From(DemandDetails d) => new()
    {
        Title = d.Title,
        Type = d.Type,
        IndustryCode = d.IndustryCode,
        IpcHint = d.IpcHint,
        Keywords = string.Join("；", d.Keywords),
        Description = d.Description,
        Targets = d.Targets.Select(t => new DemandTargetInput
        {
            Indicator = t.Indicator,
            Comparator = t.Comparator,
            Value = t.Value,
            UpperValue = t.UpperValue,
            Unit = t.Unit,
        }).ToList(),
        ExistingBasis = d.ExistingBasis,
        TargetScene = d.TargetScene,
        BudgetNegotiable = d.Budget.Negotiable,
        BudgetMinWan = d.Budget.MinWan,
        BudgetMaxWan = d.Budget.MaxWan,
        PaymentPreferences = [.. d.PaymentPreferences],
        Modes = [.. d.Modes],
        ExpectedCompletion = d.ExpectedCompletion,
        ValidUntil = d.ValidUntil,
        Confidentiality = d.Confidentiality,
        ContactName = d.Contact.Name,
        ContactPhone = d.Contact.Phone,
        ContactEmail = d.Contact.Email,
    };

    public DemandDetails ToDetails() => new(
        Title ?? "",
        Type,
        IndustryCode,
        IpcHint,
        SplitList(Keywords),
        Description ?? "",
        Targets.Select(t => new DemandTarget(t.Indicator ?? "", t.Comparator, t.Value, t.UpperValue, t.Unit)).ToList(),
        ExistingBasis,
        TargetScene,
        new DemandBudget(BudgetNegotiable, BudgetMinWan, BudgetMaxWan),
        [.. PaymentPreferences],
        [.. Modes],
        ExpectedCompletion,
        ValidUntil,
        Confidentiality,
        new DemandContact(ContactName ?? "", ContactPhone ?? "", ContactEmail));

    /// <summary>Keywords typed one per line or separated by Chinese or Latin semicolons and commas.</summary>
    public static string[] SplitList(string? text) =>
        (text ?? "").Split(['；', ';', '，', ',', '、', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
