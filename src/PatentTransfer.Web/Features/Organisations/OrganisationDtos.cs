using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Web.Features.Organisations;

public sealed record OrganisationDetails(
    Guid Id,
    string Name,
    OrganisationType Type,
    EnterpriseSize? Size,
    string CreditCode,
    string RegionCode,
    string? CityCode,
    string? IndustryCode,
    OrganisationStatus Status,
    string? RejectionReason,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReviewedAt,
    string? ReviewedBy,
    bool IsDemo,
    uint Version);

public sealed record OrganisationMember(Guid UserId, string DisplayName, string Email, string? Phone, bool EmailConfirmed);

public sealed record OrganisationReviewRow(
    Guid Id,
    string Name,
    OrganisationType Type,
    EnterpriseSize? Size,
    string CreditCode,
    string RegionCode,
    OrganisationStatus Status,
    DateTimeOffset SubmittedAt,
    bool IsDemo);

public sealed record OrganisationReviewQuery(
    OrganisationStatus? Status = OrganisationStatus.Pending,
    string? CityCode = null,
    string? Search = null,
    int Page = 0,
    int PageSize = 20);

public sealed record OrganisationCorrection(
    string Name,
    OrganisationType Type,
    EnterpriseSize? Size,
    string RegionCode,
    string? IndustryCode,
    uint Version);
