using Microsoft.AspNetCore.Identity;
using PatentTransfer.Domain.Identity;

namespace PatentTransfer.Infrastructure.Identity;

/// <summary>
/// Identity's built-in options require every enabled character kind; the portal's rule is "3 of 4 kinds",
/// so the built-in checks are switched off and this validator applies <see cref="PasswordPolicy"/>.
/// Error codes are resource keys the web layer translates.
/// </summary>
public sealed class PolicyPasswordValidator : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var problem = PasswordPolicy.Check(password);
        return Task.FromResult(problem == PasswordProblem.None
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = $"Password.{problem}", Description = problem.ToString() }));
    }
}
