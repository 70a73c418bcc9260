using Bunit;
using TestContext = Xunit.TestContext;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Web.Features.Organisations;

namespace PatentTransfer.Web.Tests.Components;

public class OrganisationReviewDetailPageTests(PortalAppFactory app)
{
    private async Task<ComponentTestContext> StaffAsync(string email, string city)
    {
        var user = await app.FindUserAsync(email);
        return new ComponentTestContext(app, user.DisplayName, user.Id, [Roles.CityStaff], user.OrganisationId, city);
    }

    [Theory]
    [InlineData("", "请填写退回原因。")]
    [InlineData("<img src=x onerror=alert(1)>", "退回原因不能包含 HTML 标签或脚本。")]
    public async Task ReturningNeedsAPlainReasonAndChangesNothingOtherwise(string reason, string message)
    {
        var organisation = await ComponentTestData.CreateSmeAsync(app, OrganisationStatus.Pending, TestContext.Current.CancellationToken);
        await using var context = await StaffAsync(Accounts.ShijiazhuangStaff, "1301");
        var page = context.Render<OrganisationReviewDetailPage>(p => p.Add(x => x.Id, organisation.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=reject]")));

        page.Find("textarea").Change(reason);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(message, page.Markup, StringComparison.Ordinal));
        Assert.Equal(OrganisationStatus.Pending, (await ComponentTestData.ReloadAsync(app, organisation.Id, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task ReturnsWithAReasonTheApplicantSees()
    {
        var organisation = await ComponentTestData.CreateSmeAsync(app, OrganisationStatus.Pending, TestContext.Current.CancellationToken);
        await using var context = await StaffAsync(Accounts.ShijiazhuangStaff, "1301");
        var page = context.Render<OrganisationReviewDetailPage>(p => p.Add(x => x.Id, organisation.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=reject]")));

        page.Find("textarea").Change("信用代码与名称不符，请核对");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("已退回", page.Find("[data-testid=organisation-status]").TextContent, StringComparison.Ordinal));
        var stored = await ComponentTestData.ReloadAsync(app, organisation.Id, TestContext.Current.CancellationToken);
        Assert.Equal(OrganisationStatus.Rejected, stored.Status);
        Assert.Equal("信用代码与名称不符，请核对", stored.RejectionReason);
    }

    [Fact]
    public async Task StaffOfAnotherCitySeeNothingOfIt()
    {
        var organisation = await ComponentTestData.CreateSmeAsync(app, OrganisationStatus.Pending, TestContext.Current.CancellationToken);
        await using var context = await StaffAsync(Accounts.BaodingStaff, "1306");

        var page = context.Render<OrganisationReviewDetailPage>(p => p.Add(x => x.Id, organisation.Id));

        page.WaitForAssertion(() => Assert.Contains("未找到该机构", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(organisation.Name, page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=verify]"));
    }
}
