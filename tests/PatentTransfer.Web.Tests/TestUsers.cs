using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Registration;

namespace PatentTransfer.Web.Tests;

/// <summary>Fresh users of a test's own, created through the portal's registration service.</summary>
public static class TestUsers
{
    /// <summary>
    /// A fresh small private enterprise in 石家庄 (130104) with its first user (role SmeUser), e-mail confirmed so
    /// it can log in; its organisation is pending review. <paramref name="label"/> names the test in the data.
    /// </summary>
    public static async Task<PortalUser> RegisterConfirmedSmeAsync(PortalAppFactory app, string password, string label,
        CancellationToken cancellationToken, string? email = null, string? displayName = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var result = await services.GetRequiredService<RegistrationService>().RegisterAsync(new RegistrationRequest(
            email ?? $"{Guid.NewGuid():N}@test.example", password, displayName ?? label + suffix, "13812345678", label + "科技有限公司" + suffix,
            OrganisationType.PrivateEnterprise, EnterpriseSize.Small, TestCreditCodes.Next(), "130104", null), cancellationToken);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var confirmed = await users.ConfirmEmailAsync(result.User!, await users.GenerateEmailConfirmationTokenAsync(result.User!));
        Assert.True(confirmed.Succeeded);
        return result.User!;
    }
}
