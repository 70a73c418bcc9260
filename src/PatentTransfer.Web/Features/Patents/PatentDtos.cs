using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Web.Features.Patents;

public sealed record IpcView(string Code, string? Title);

public sealed record HolderView(Guid Id, string Name, OrganisationType Type, string RegionCode, bool IsDemo);

/// <summary>A listing as shown: its terms, where it stands in review, and its version for concurrent edits.</summary>
public sealed record ListingView(
    Guid Id,
    ListingStatus Status,
    ListingTerms Terms,
    string? ReturnReason,
    DateTimeOffset? PublishedAt,
    uint Version);

/// <summary>Everything the patent page shows; <see cref="Listing"/> only when the viewer may see it.</summary>
public sealed record PatentDetail(
    Guid Id,
    string ApplicationNumber,
    string? PublicationNumber,
    PatentType Type,
    string? Title,
    string DisplayTitle,
    string Abstract,
    string? Claims,
    IpcView? MainIpc,
    IReadOnlyList<IpcView> FurtherIpc,
    string? Locarno,
    HolderView Holder,
    IReadOnlyList<string> CoOwners,
    IReadOnlyList<string> Inventors,
    DateOnly FilingDate,
    DateOnly? PublicationDate,
    DateOnly? GrantDate,
    DateOnly LastDayOfProtection,
    LegalStatus Status,
    IReadOnlyList<string> Keywords,
    string? IndustryCode,
    bool IsDemo,
    string? Source,
    IReadOnlyList<LegalEvent> Events,
    SleepingAssessment Sleeping,
    ListingView? Listing,
    bool ViewerIsHolder,
    bool ViewerReviews)
{
    public string PatentNumber => GrantDate is null ? ApplicationNumber : "ZL" + ApplicationNumber;
}
