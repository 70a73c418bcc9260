using PatentTransfer.Domain.Demands;

namespace PatentTransfer.Web.Features.Demands;

/// <summary>One demand in the review queue; <see cref="Status"/> as of today.</summary>
public sealed record DemandReviewRow(
    Guid Id,
    string Title,
    DemandType Type,
    string SmeName,
    string? SmeCityCode,
    bool SmeIsDemo,
    DemandStatus Status,
    DateTimeOffset? SubmittedAt,
    DateOnly ValidUntil,
    uint Version);

/// <summary>
/// Filters of the review queue. <see cref="Status"/> null means every status a reviewer can see (never-submitted
/// drafts never); <see cref="CityCode"/> narrows provincial staff and is ignored for city staff.
/// </summary>
public sealed record DemandReviewQuery(
    DemandStatus? Status = DemandStatus.Submitted,
    string? CityCode = null,
    string? Search = null,
    int Page = 0,
    int PageSize = 20);

/// <summary>A demand under review with its SME and who decided on it last.</summary>
public sealed record DemandReviewDetail(DemandView Demand, DemandSmeView Sme, string? ReviewedBy);
