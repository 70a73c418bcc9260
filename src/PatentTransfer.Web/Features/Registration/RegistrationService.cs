using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.Reference;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Registration;

public sealed record RegistrationRequest(
    string Email,
    string Password,
    string DisplayName,
    string Phone,
    string OrganisationName,
    OrganisationType OrganisationType,
    EnterpriseSize? Size,
    string CreditCode,
    string RegionCode,
    string? IndustryCode);

/// <summary>Field name (of <see cref="RegistrationRequest"/>) and a message in the user's language.</summary>
public sealed record FieldError(string Field, string Message);

public sealed record RegistrationResult(PortalUser? User, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Creates an organisation (pending review by its city) and its first user in one transaction; nothing is
/// written when any check fails. The user's role follows from the organisation (Roles.ForRegistration).
/// </summary>
public sealed class RegistrationService(
    PortalDbContext db,
    UserManager<PortalUser> userManager,
    ReferenceDataService referenceData,
    ICurrentActor currentActor,
    IAuditTrail auditTrail,
    TimeProvider timeProvider)
{
    public async Task<RegistrationResult> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!CreditCode.TryParse(request.CreditCode, out var creditCode, out var creditCodeError))
        {
            errors.Add(new(nameof(request.CreditCode), Texts.Enum(creditCodeError)));
        }

        var reference = await referenceData.GetAsync(cancellationToken);
        if (!reference.Regions.TryGetValue(request.RegionCode ?? "", out var region) || !region.IsLocatable)
        {
            errors.Add(new(nameof(request.RegionCode), T.Register_Error_Region));
        }

        if (request.IndustryCode is { Length: > 0 } industry && reference.Industries.All(i => i.Code != industry))
        {
            errors.Add(new(nameof(request.IndustryCode), T.Register_Error_Industry));
        }

        if (!request.OrganisationType.IsSelfRegistrable())
        {
            errors.Add(new(nameof(request.OrganisationType), T.Register_Error_Government));
        }
        else if (request.OrganisationType.RequiresSize() && request.Size is null)
        {
            errors.Add(new(nameof(request.Size), T.Rule_Organisation_SizeRequired));
        }

        // A size given for a university or agency is ignored rather than refused: the form shows the field to all.
        var size = request.OrganisationType.SizeFor(request.Size);

        var email = request.Email.Trim();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            errors.Add(new(nameof(request.Email), T.Register_Error_EmailTaken));
        }

        if (creditCodeError == CreditCodeError.None && await db.Organisations.AnyAsync(o => o.CreditCode == creditCode, cancellationToken))
        {
            errors.Add(new(nameof(request.CreditCode), T.Register_Error_CreditCodeTaken));
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = Text.NormaliseInput(request.DisplayName),
            PhoneNumber = Text.NormaliseInput(request.Phone),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        foreach (var validator in userManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(userManager, user, request.Password);
            errors.AddRange(result.Errors.Select(e => new FieldError(nameof(request.Password), Texts.Get(e.Code.Replace('.', '_')))));
        }

        if (errors.Count > 0)
        {
            return new RegistrationResult(null, errors);
        }

        Organisation organisation;
        try
        {
            organisation = new Organisation(request.OrganisationName, request.OrganisationType, size, creditCode,
                request.RegionCode!, string.IsNullOrEmpty(request.IndustryCode) ? null : request.IndustryCode, timeProvider.GetUtcNow());
        }
        catch (DomainRuleException ex)
        {
            return new RegistrationResult(null, [new(nameof(request.OrganisationName), Texts.Rule(ex))]);
        }

        user.OrganisationId = organisation.Id;
        var actor = new Actor(user.Id, user.DisplayName, organisation.Id);
        using var actingAs = currentActor.ActAs(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Organisations.Add(organisation);
            var created = await userManager.CreateAsync(user, request.Password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new RegistrationResult(null, created.Errors.Select(e => new FieldError(nameof(request.Email), Texts.Get("Identity_" + e.Code))).ToList());
            }

            var role = Roles.ForRegistration(request.OrganisationType, size);
            var roleResult = await userManager.AddToRoleAsync(user, role);
            if (!roleResult.Succeeded)
            {
                throw new InvalidOperationException($"Could not grant role {role}: {string.Join("; ", roleResult.Errors.Select(e => e.Code))}");
            }

            // Inside the transaction, so the trail never claims a registration that was rolled back.
            await auditTrail.RecordSecurityEventAsync(AuditActions.UserRegistered, actor, "User", user.Id.ToString(),
                $"role {role}", organisation.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Someone registered the same code or address between the checks above and this insert.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var field = unique.ConstraintName?.Contains("credit_code", StringComparison.Ordinal) == true ? nameof(request.CreditCode) : nameof(request.Email);
            return new RegistrationResult(null, [new(field, field == nameof(request.CreditCode) ? T.Register_Error_CreditCodeTaken : T.Register_Error_EmailTaken)]);
        }

        return new RegistrationResult(user, []);
    }
}
