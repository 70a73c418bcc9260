using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Features.Reference;
using PatentTransfer.Web.Infrastructure;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Organisations;

/// <summary>The signed-in user's own organisation: its review status, and corrections after a rejection.</summary>
public sealed class MyOrganisationService(IDbContextFactory<PortalDbContext> contextFactory, ReferenceDataService referenceData, TimeProvider timeProvider)
{
    public async Task<OrganisationDetails?> GetAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await OrganisationQueries.DetailsAsync(db, organisationId, cancellationToken);
    }

    /// <summary>
    /// Saves corrected details and puts the organisation back in its city's review queue. The version the user
    /// edited must still be current: if staff reviewed it or a colleague saved meanwhile, nothing is written.
    /// </summary>
    public async Task<CommandResult> CorrectAsync(Guid organisationId, OrganisationCorrection correction, CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        if (!reference.Regions.TryGetValue(correction.RegionCode, out var region) || !region.IsLocatable)
        {
            return CommandResult.Invalid(T.Register_Error_Region);
        }

        if (correction.IndustryCode is { Length: > 0 } industry && reference.Industries.All(i => i.Code != industry))
        {
            return CommandResult.Invalid(T.Register_Error_Industry);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return CommandResult.NotFound(T.Organisation_NotFound);
        }

        // Government bodies are set up by administrators; an applicant cannot turn itself into one.
        if (!correction.Type.IsSelfRegistrable() && organisation.Type != correction.Type)
        {
            return CommandResult.Invalid(T.Register_Error_Government);
        }

        var size = correction.Type.SizeFor(correction.Size);
        var industryCode = string.IsNullOrEmpty(correction.IndustryCode) ? null : correction.IndustryCode;
        return await VersionedChange.SaveAsync(db, organisation, correction.Version,
            o => o.Correct(correction.Name, correction.Type, size, correction.RegionCode, industryCode, timeProvider.GetUtcNow()),
            cancellationToken);
    }
}
