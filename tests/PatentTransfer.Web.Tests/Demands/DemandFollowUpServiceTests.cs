using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Infrastructure;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.Demands;

/// <summary>The follow-up log: the SME's users and the staff responsible for it read and add; nobody else sees it.</summary>
public class DemandFollowUpServiceTests(PortalAppFactory app)
{
    private const string NotFound = "未找到该需求，或您无权查看。";

    private readonly ManualClock _clock = ManualClock.StartingNow();

    private DateOnly Today => TodayOn(_clock);

    /// <summary>A submitted (or draft) demand of a fresh 石家庄 SME.</summary>
    private async Task<(PortalUser Sme, Guid Id)> DemandAsync(bool submit = true)
    {
        var sme = await RegisterSmeAsync(app, Shijiazhuang);
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);
        var service = user.Create<MyDemandsService>(_clock);
        var saved = await service.SaveDraftAsync(user.Principal, null, Input(Today, "跟进测试需求" + NewToken()), null, Ct);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        if (submit)
        {
            Assert.True((await service.SubmitAsync(user.Principal, saved.Id!.Value, (await ReloadAsync(app, saved.Id.Value)).Version, Ct)).Succeeded);
        }

        return (sme, saved.Id!.Value);
    }

    private async Task<(CommandResult Result, FieldErrors Errors)> AddAsync(string email, Guid id, DemandFollowUpInput input)
    {
        await using var user = await VisitAsync(app, email);
        return await user.Create<DemandFollowUpService>(_clock).AddAsync(user.Principal, id, input, Ct);
    }

    private async Task<IReadOnlyList<DemandFollowUpRow>?> ListAsync(string email, Guid id)
    {
        await using var user = await VisitAsync(app, email);
        return await user.Create<DemandFollowUpService>(_clock).ListAsync(user.Principal, id, Ct);
    }

    [Fact]
    public async Task TheSmeTheStaffOfItsCityAndProvincialStaffKeepOneLogTogether()
    {
        var (sme, id) = await DemandAsync();
        var cityStaff = await app.FindUserAsync(Accounts.ShijiazhuangStaff);

        Assert.True((await AddAsync(Accounts.ShijiazhuangStaff, id, new(DemandFollowUpKind.Visit, Today.AddDays(-3), "走访企业，确认衬板工况和现有设备。"))).Result.Succeeded);
        Assert.True((await AddAsync(Accounts.Provincial, id, new(DemandFollowUpKind.Event, Today.AddDays(-1), "在新材料专场对接会上推介该需求。"))).Result.Succeeded);
        Assert.True((await AddAsync(sme.Email!, id, new(DemandFollowUpKind.Note, Today, "已与两所高校初步沟通。"))).Result.Succeeded);

        foreach (var reader in new[] { sme.Email!, Accounts.ShijiazhuangStaff, Accounts.Provincial, Accounts.Administrator })
        {
            var entries = await ListAsync(reader, id);
            Assert.NotNull(entries);
            Assert.Equal([DemandFollowUpKind.Note, DemandFollowUpKind.Event, DemandFollowUpKind.Visit], entries.Select(e => e.Kind));
            Assert.Equal(cityStaff.DisplayName, entries[2].AuthorName);
            Assert.Equal(Today.AddDays(-3), entries[2].Date);
        }

        await using var db = app.CreateDbContext();
        var key = (await db.DemandFollowUps.AsNoTracking().Where(f => f.DemandId == id && f.Kind == DemandFollowUpKind.Visit).SingleAsync(Ct)).Id.ToString();
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.RecordType == nameof(DemandFollowUp) && a.RecordId == key, Ct);
        Assert.Equal((AuditActions.DemandFollowUpAdded, cityStaff.Id, sme.OrganisationId), (audit.Action, audit.ActorUserId, audit.OrganisationId));
    }

    [Theory]
    [InlineData(Accounts.BaodingStaff)]
    [InlineData(Accounts.Holder)]
    [InlineData(Accounts.Sme)]
    [InlineData(AnonymousVisitor)]
    public async Task OthersNeitherReadNorAddToTheLog(string visitor)
    {
        var (sme, id) = await DemandAsync();
        Assert.True((await AddAsync(sme.Email!, id, new(DemandFollowUpKind.Note, Today, "内部备注：预算可再协商。"))).Result.Succeeded);

        var entries = await ListAsync(visitor, id);
        var (result, _) = await AddAsync(visitor, id, new(DemandFollowUpKind.Call, Today, "冒充的跟进记录"));

        Assert.Null(entries);
        Assert.Equal((CommandStatus.NotFound, NotFound), (result.Status, result.Message));
        Assert.Single((await ListAsync(sme.Email!, id))!);
    }

    [Fact]
    public async Task StaffDoNotSeeTheLogOfADraftNeverSubmitted()
    {
        var (sme, id) = await DemandAsync(submit: false);

        Assert.True((await AddAsync(sme.Email!, id, new(DemandFollowUpKind.Note, Today, "草稿阶段的备注"))).Result.Succeeded);

        Assert.Null(await ListAsync(Accounts.ShijiazhuangStaff, id));
        Assert.Null(await ListAsync(Accounts.Provincial, id));
        Assert.Equal(CommandStatus.NotFound, (await AddAsync(Accounts.Provincial, id, new(DemandFollowUpKind.Call, Today, "电话"))).Result.Status);
    }

    [Fact]
    public async Task TheWorkspaceCountsTheEntriesOfEachDemand()
    {
        var (sme, id) = await DemandAsync();
        await AddAsync(Accounts.ShijiazhuangStaff, id, new(DemandFollowUpKind.Call, Today, "电话了解进展。"));
        await AddAsync(Accounts.ShijiazhuangStaff, id, new(DemandFollowUpKind.Visit, Today, "上门走访。"));
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);

        var row = Assert.Single((await user.Create<MyDemandsService>(_clock).ListAsync(user.Principal, new(), Ct)).Page.Items);

        Assert.Equal(2, row.FollowUpCount);
    }

    public static TheoryData<string, int?, string, string, string> BadEntries => new()
    {
        { "date in the future", 1, "走访", "Date", "跟进日期不能晚于今天。" },
        { "date over a year ago", -366, "走访", "Date", "跟进日期不能早于一年前。" },
        { "no date", null, "走访", "Date", "请选择日期。" },
        { "no text", 0, "  ", "Text", "请填写跟进内容。" },
        { "script", 0, "走访<script>alert(1)</script>", "Text", "跟进内容不能包含 HTML 标签或脚本。" },
        { "too long", 0, new string('记', 2_001), "Text", "跟进内容不能超过 2,000 个字。" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task ABadEntryNamesTheFieldAndIsNotWritten(string _, int? daysFromToday, string text, string field, string message)
    {
        var (sme, id) = await DemandAsync();

        var (result, errors) = await AddAsync(Accounts.ShijiazhuangStaff, id,
            new(DemandFollowUpKind.Visit, daysFromToday is { } days ? Today.AddDays(days) : null, text));

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(message, errors[field]);
        Assert.Empty((await ListAsync(sme.Email!, id))!);
    }
}
