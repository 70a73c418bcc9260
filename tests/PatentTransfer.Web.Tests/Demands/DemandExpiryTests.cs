using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.MyDemands;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.Demands;

/// <summary>
/// The expiry sweep looks at every demand of the database, so a sweep on a clock moved ahead would expire the
/// demands other tests are working with: these tests run on their own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemandExpirySweep
{
    public const string Name = "Demand expiry sweep";
}

[Collection(DemandExpirySweep.Name)]
public class DemandExpiryTests(PortalAppFactory app)
{
    private readonly ManualClock _clock = ManualClock.StartingNow();

    private DateOnly Today => TodayOn(_clock);

    private async Task<Guid> PublishedAsync(int validDays)
    {
        var sme = await RegisterSmeAsync(app);
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);
        var input = Input(Today);
        (input.ValidUntil, input.ExpectedCompletion) = (Today.AddDays(validDays), null);
        var saved = await user.Create<MyDemandsService>(_clock).SaveDraftAsync(user.Principal, null, input, null, Ct);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        var reviewer = await app.FindUserAsync(Accounts.Provincial);
        await ChangeAsync(app, saved.Id!.Value, d =>
        {
            d.Submit(true, Today, _clock.GetUtcNow());
            d.Approve(reviewer.Id, Today, _clock.GetUtcNow());
        });
        return saved.Id.Value;
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = ActingUser.Anonymous(app);
        return await scope.Create<DemandExpiry>(_clock).ExpireDueAsync(Ct);
    }

    [Fact]
    public async Task TheSweepMarksDemandsPastTheirLastDayAsExpiredBySystem()
    {
        var due = await PublishedAsync(validDays: 10);
        var lastDay = await PublishedAsync(validDays: 11);
        _clock.AdvanceDays(11);

        Assert.True(await SweepAsync() >= 1);

        var stored = await ReloadAsync(app, due);
        Assert.Equal((DemandStatus.Expired, _clock.GetUtcNow()), (stored.Status, stored.ExpiredAt));
        var entry = (await TrailAsync(app, due)).Last();
        Assert.Equal((AuditActions.DemandExpired, (Guid?)null, stored.SmeOrganisationId), (entry.Action, entry.ActorUserId, entry.OrganisationId));
        Assert.Equal(DemandStatus.Published, (await ReloadAsync(app, lastDay)).Status);
    }

    [Fact]
    public async Task ASecondSweepFindsNothingLeftToExpire()
    {
        await PublishedAsync(validDays: 5);
        _clock.AdvanceDays(6);
        Assert.True(await SweepAsync() >= 1);

        Assert.Equal(0, await SweepAsync());
    }

    [Fact]
    public async Task DemandsThatAreNotPublishedAreNeverExpired()
    {
        var sme = await RegisterSmeAsync(app);
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);
        var input = Input(Today);
        input.ValidUntil = Today.AddDays(3);
        var saved = await user.Create<MyDemandsService>(_clock).SaveDraftAsync(user.Principal, null, input, null, Ct);
        _clock.AdvanceDays(30);

        await SweepAsync();

        Assert.Equal(DemandStatus.Draft, (await ReloadAsync(app, saved.Id!.Value)).Status);
    }
}
