using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Web.Features.Users;
using TestContext = Xunit.TestContext;

namespace PatentTransfer.Web.Tests.Components;

/// <summary>The administration dialogs as provincial staff use them: bad input is refused in the dialog and writes nothing.</summary>
public class UserDialogsTests(PortalAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ComponentTestContext> ProvincialAsync()
    {
        var user = await app.FindUserAsync(Accounts.Provincial);
        return new ComponentTestContext(app, user.DisplayName, user.Id, [Roles.ProvincialStaff], user.OrganisationId);
    }

    private static async Task<IRenderedComponent<MudDialogProvider>> ShowAsync<TDialog>(ComponentTestContext context, DialogParameters? parameters = null)
        where TDialog : IComponent
    {
        var provider = context.Render<MudDialogProvider>();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("dialog", parameters ?? []));
        return provider;
    }

    public static TheoryData<string, string, string[]> BadStaffInput => new()
    {
        { "", "", [PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_Email")), PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_DisplayName"))] },
        { "staff@", "<script>alert(1)</script>", [PortalTexts.ZhFormat("Validation_Email", PortalTexts.Zh("Field_Email")), PortalTexts.ZhFormat("Validation_NoMarkup", PortalTexts.Zh("Field_DisplayName"))] },
        { "staff-{0}@test.example", new string('李', 51), [PortalTexts.ZhFormat("Validation_MaxLength", PortalTexts.Zh("Field_DisplayName"), 50)] },
    };

    [Theory]
    [MemberData(nameof(BadStaffInput))]
    public async Task StaffAccountDialogRefusesBadInputAndCreatesNobody(string email, string displayName, string[] messages)
    {
        email = string.Format(System.Globalization.CultureInfo.InvariantCulture, email, Guid.NewGuid().ToString("N"));
        await using var context = await ProvincialAsync();
        var dialog = await ShowAsync<StaffAccountDialog>(context);
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("input[data-testid=staff-email]")));

        dialog.Find("input[data-testid=staff-email]").Change(email);
        dialog.Find("input[data-testid=staff-name]").Change(displayName);
        await dialog.Find("form#staff-form").SubmitAsync();

        dialog.WaitForAssertion(() =>
        {
            foreach (var message in messages)
            {
                Assert.Contains(message, dialog.Markup, StringComparison.Ordinal);
            }
        });
        // The government body was never chosen either: the dialog says so and stays open.
        Assert.Contains(PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Users_GovernmentOrganisation")), dialog.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(dialog.FindAll("form#staff-form"));
        if (email.Length > 0)
        {
            await using var db = app.CreateDbContext();
            Assert.False(await db.Users.AnyAsync(u => u.Email == email, Ct));
        }
    }

    [Fact]
    public async Task RolesDialogWantsACityForCityStaffAndChangesNothingWithoutOne()
    {
        var target = await TestUsers.RegisterConfirmedSmeAsync(app, "Roles#2026ok", "角色对话框测试", Ct);
        await using var context = await ProvincialAsync();
        var row = new UserRow(target.Id, target.DisplayName, target.Email!, target.OrganisationId, null, [Roles.SmeUser], null, EmailConfirmed: true, LockedOut: false, IsDemo: false);
        var dialog = await ShowAsync<UserRolesDialog>(context, new DialogParameters<UserRolesDialog> { { d => d.User, row } });
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll($"input[data-testid=role-{Roles.CityStaff}]")));

        dialog.Find($"input[data-testid=role-{Roles.CityStaff}]").Change(true);
        dialog.Find("[data-testid=roles-save]").Click();

        dialog.WaitForAssertion(() => Assert.Equal(PortalTexts.Zh("Users_Error_City"), dialog.Find("[data-testid=roles-error]").TextContent.Trim()));
        await using var db = app.CreateDbContext();
        var roles = await db.UserRoles.Where(r => r.UserId == target.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Ct);
        Assert.Equal([Roles.SmeUser], roles);
    }
}
