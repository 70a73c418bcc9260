using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Infrastructure.Data;

namespace PatentTransfer.Infrastructure.Identity;

public static class IdentitySetup
{
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// User store, password rule (8+ characters, 3 of 4 kinds), lockout (5 failures → 15 minutes) and unique
    /// e-mail addresses. The web app adds sign-in, token providers and cookies on top; the CLI uses this alone.
    /// </summary>
    public static IdentityBuilder AddPortalIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordPolicy.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddRoles<PortalRole>()
            .AddUserManager<PortalUserManager>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddPasswordValidator<PolicyPasswordValidator>();
}
