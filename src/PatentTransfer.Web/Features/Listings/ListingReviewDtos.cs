using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Web.Features.Patents;

namespace PatentTransfer.Web.Features.Listings;

/// <summary>One listing in the review queue; <see cref="PriceSummary"/> is worded in the reader's language.</summary>
public sealed record ListingReviewRow(
    Guid Id,
    Guid PatentId,
    string ApplicationNumber,
    string DisplayTitle,
    string HolderName,
    string? HolderCityCode,
    ListingStatus Status,
    DateTimeOffset? SubmittedAt,
    string PriceSummary,
    uint Version);

/// <summary>
/// Filters of the review queue. <see cref="Status"/> null means every status a reviewer can see (drafts never);
/// <see cref="CityCode"/> narrows provincial staff and is ignored for city staff.
/// </summary>
public sealed record ListingReviewQuery(
    ListingStatus? Status = ListingStatus.Submitted,
    string? CityCode = null,
    string? Search = null,
    int Page = 0,
    int PageSize = 20);

/// <summary>What a reviewer needs of the patent to judge the terms; the full record is on the patent page.</summary>
public sealed record ListingPatentSummary(
    Guid Id,
    string ApplicationNumber,
    string DisplayTitle,
    bool HasTitle,
    PatentType Type,
    LegalStatus Status,
    string? MainIpc,
    DateOnly FilingDate,
    DateOnly? GrantDate,
    bool IsDemo);

/// <summary>A listing under review: its terms and version (<see cref="Listing"/>), the patent and the holder.</summary>
public sealed record ListingReviewDetail(
    ListingView Listing,
    ListingPatentSummary Patent,
    HolderView Holder,
    string? HolderCityCode,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReviewedAt,
    string? ReviewedBy);
