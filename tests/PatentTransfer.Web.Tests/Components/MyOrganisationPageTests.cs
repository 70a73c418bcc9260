using Bunit;
using TestContext = Xunit.TestContext;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Web.Features.Organisations;

namespace PatentTransfer.Web.Tests.Components;

public class MyOrganisationPageTests(PortalAppFactory app)
{
    private async Task<(ComponentTestContext Context, IRenderedComponent<MyOrganisationPage> Page, Organisation Organisation)> RenderRejectedAsync()
    {
        var organisation = await ComponentTestData.CreateSmeAsync(app, OrganisationStatus.Rejected, TestContext.Current.CancellationToken);
        var context = new ComponentTestContext(app, "张测试", Guid.NewGuid(), [Roles.SmeUser], organisation.Id);
        var page = context.Render<MyOrganisationPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=correct-submit]")));
        return (context, page, organisation);
    }

    [Fact]
    public async Task ShowsTheReasonForReturn()
    {
        var (context, page, _) = await RenderRejectedAsync();
        await using var _ = context;

        Assert.Contains("营业执照名称不一致", page.Find("[data-testid=rejection-reason]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "请填写机构名称。")]
    [InlineData("<script>alert(1)</script>", "机构名称不能包含 HTML 标签或脚本。")]
    [InlineData("甲", "机构名称应为 2 至 100 个字符。")]
    public async Task RefusesBadNamesAndChangesNothing(string name, string message)
    {
        var (context, page, organisation) = await RenderRejectedAsync();
        await using var _ = context;

        page.Find("form input").Change(name);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(message, page.Markup, StringComparison.Ordinal));
        var stored = await ComponentTestData.ReloadAsync(app, organisation.Id, TestContext.Current.CancellationToken);
        Assert.Equal(OrganisationStatus.Rejected, stored.Status);
        Assert.Equal(organisation.Name, stored.Name);
    }

    [Fact]
    public async Task RefusesAnOverlongName()
    {
        var (context, page, organisation) = await RenderRejectedAsync();
        await using var _ = context;

        page.Find("form input").Change(new string('企', 101));
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("机构名称应为 2 至 100 个字符。", page.Markup, StringComparison.Ordinal));
        Assert.Equal(OrganisationStatus.Rejected, (await ComponentTestData.ReloadAsync(app, organisation.Id, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task CorrectedOrganisationGoesBackToReview()
    {
        var (context, page, organisation) = await RenderRejectedAsync();
        await using var _ = context;

        page.Find("form input").Change("石家庄组件测试更正有限公司");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("等待所在城市审核", page.Markup, StringComparison.Ordinal));
        var stored = await ComponentTestData.ReloadAsync(app, organisation.Id, TestContext.Current.CancellationToken);
        Assert.Equal(OrganisationStatus.Pending, stored.Status);
        Assert.Equal("石家庄组件测试更正有限公司", stored.Name);
    }
}
