using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Web.Features.Patents;

namespace PatentTransfer.Web.Features.DemandHall;

/// <summary>
/// A search of the demand hall as the page asks it. Every filter is optional and they combine with AND. Budget bounds
/// are 万元; a range lists demands whose budget overlaps it, and negotiable demands only with
/// <see cref="IncludeNegotiable"/>. <see cref="Page"/> is 1-based.
/// </summary>
public sealed record DemandHallQuery(
    string? Text = null,
    string? IndustryCode = null,
    string? CityCode = null,
    DemandType? Type = null,
    decimal? BudgetMin = null,
    decimal? BudgetMax = null,
    bool IncludeNegotiable = false,
    DemandMode? Mode = null,
    PaymentPreference? Payment = null,
    DemandSort Sort = DemandSort.Relevance,
    int Page = 1,
    int PageSize = DemandHallQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>No one pages through thousands of demands; deeper pages cost the index more for nothing.</summary>
    public const int MaxPage = 100;
}

/// <summary>
/// The SME behind a demand as the hall may show it. <see cref="Name"/> is null unless the demand is public; the city
/// and size describe the SME without naming it (county and credit code would narrow it down to one company).
/// </summary>
public sealed record DemandHallSme(string? Name, string? CityCode, EnterpriseSize? Size);

/// <summary>One demand of a result list: the index's highlighted texts with the facts read fresh from the database.</summary>
public sealed record DemandHallRow(
    Guid Id,
    string TitleHighlighted,
    string SnippetHighlighted,
    DemandType Type,
    string IndustryCode,
    IReadOnlyList<DemandMode> Modes,
    IReadOnlyList<PaymentPreference> PaymentPreferences,
    DemandBudget Budget,
    DateOnly ValidUntil,
    DateOnly PublishedOn,
    DemandConfidentiality Confidentiality,
    DemandHallSme Sme,
    bool IsDemo);

/// <param name="Total">Matches in the index; the rows of a page may be fewer when a demand closed a moment ago.</param>
public sealed record DemandHallResults(int Total, IReadOnlyList<DemandHallRow> Rows);

/// <summary>Why a demand's contact is or is not shown to this viewer.</summary>
public enum DemandHallContactAccess
{
    Shown,

    /// <summary>Anonymised or platform only: the SME talks through the platform.</summary>
    ThroughPlatform,

    /// <summary>Public, but the visitor is not signed in.</summary>
    SignInFirst,

    /// <summary>Public, but the visitor's organisation is not verified.</summary>
    VerifiedOnly,
}

/// <summary>
/// A demand on its public page. <see cref="Content"/> never carries the contact (it is blanked); the contact travels
/// only in <see cref="Contact"/>, and only when this viewer may see it.
/// </summary>
/// <param name="Ipc">The IPC hint with its Chinese title, when the demand names one.</param>
/// <param name="ViewerIsOwner">The viewer is a user of the SME: the page links to its workspace.</param>
/// <param name="ViewerReviews">The viewer is staff covering the SME's city: the page links to the review page, where
/// staff see who posted it.</param>
/// <param name="ViewerMayPropose">The viewer is a verified patent holder, who may propose patents for it.</param>
public sealed record DemandHallDetail(
    Guid Id,
    DemandDetails Content,
    IpcView? Ipc,
    DateOnly PublishedOn,
    DemandHallSme Sme,
    DemandContact? Contact,
    DemandHallContactAccess ContactAccess,
    bool IsDemo,
    string? Source,
    bool ViewerIsOwner,
    bool ViewerReviews,
    bool ViewerMayPropose);
