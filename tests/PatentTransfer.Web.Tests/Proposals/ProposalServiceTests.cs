using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Features.Proposals;
using PatentTransfer.Web.Features.Registration;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Tests.Listings;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.Proposals;

/// <summary>Holders answering demands: who may propose what, who sees proposals, and the SME's decision into a deal request.</summary>
public class ProposalServiceTests(PortalAppFactory app)
{
    private const string Conflict = "该记录已被他人修改或审核，您的修改未保存。页面已显示最新内容，请核对后重新操作。";

    private static readonly DateOnly Today = TodayOn(TimeProvider.System);

    private async Task<Guid> PublishedDemandAsync(PortalUser sme, bool publish = true)
    {
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);
        var saved = await user.Get<MyDemandsService>().SaveDraftAsync(user.Principal, null, Input(Today, "需要耐磨衬板技术" + NewToken()), null, Ct);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        if (publish)
        {
            var reviewer = await app.FindUserAsync(Accounts.Provincial);
            await ChangeAsync(app, saved.Id!.Value, d =>
            {
                d.Submit(true, Today, DateTimeOffset.UtcNow);
                d.Approve(reviewer.Id, Today, DateTimeOffset.UtcNow);
            });
        }

        return saved.Id!.Value;
    }

    /// <summary>A patent of the holder with a listing in <paramref name="status"/>.</summary>
    private async Task<Guid> PatentAsync(string holderEmail, ListingStatus status = ListingStatus.Published) =>
        (await ListingReviewTestData.CreateAsync(app, holderEmail, status, ListingReviewTestData.Titled(NewToken()), Ct)).PatentId;

    /// <summary>A fresh verified university with one holder user, so that counts over "its" proposals are the test's own.</summary>
    private async Task<PortalUser> RegisterHolderAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var suffix = NewToken()[..8];
        var result = await services.GetRequiredService<RegistrationService>().RegisterAsync(new RegistrationRequest(
            $"{Guid.NewGuid():N}@test.example", Accounts.Password, "方案测试老师" + suffix[..4], "13812345678", "方案测试大学" + suffix,
            OrganisationType.University, null, TestCreditCodes.Next(Baoding), Baoding, "new-materials"), Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.ConfirmEmailAsync(result.User!, await users.GenerateEmailConfirmationTokenAsync(result.User!))).Succeeded);
        var reviewer = await app.FindUserAsync(Accounts.Provincial);
        await using var db = app.CreateDbContext();
        (await db.Organisations.SingleAsync(o => o.Id == result.User!.OrganisationId, Ct)).Verify(reviewer.Id, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
        return result.User!;
    }

    private async Task<(CommandResult Result, FieldErrors Errors)> ProposeAsync(string holderEmail, Guid demandId, string? message, params Guid[] patents)
    {
        await using var holder = await ActingUser.SignInAsync(app, holderEmail);
        return await holder.Get<ProposalService>().ProposeAsync(holder.Principal, demandId, new ProposalInput(message, patents), Ct);
    }

    private const string Message = "本专利的高铬铸铁衬板可将寿命提高到 12 个月，可提供热处理工艺指导。";

    private async Task<List<DemandProposal>> StoredAsync(Guid demandId)
    {
        await using var db = app.CreateDbContext();
        return await db.DemandProposals.AsNoTracking().Where(p => p.DemandId == demandId).ToListAsync(Ct);
    }

    [Fact]
    public async Task AVerifiedHolderProposesItsListedPatentsAndOnlyTheSmeTheHolderAndTheRightStaffSeeTheProposal()
    {
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(sme);
        var firstTitle = NewToken();
        var first = (await ListingReviewTestData.CreateAsync(app, Accounts.Holder, ListingStatus.Published, ListingReviewTestData.Titled(firstTitle), Ct)).PatentId;
        var second = await PatentAsync(Accounts.Holder);
        await using (var holder = await ActingUser.SignInAsync(app, Accounts.Holder))
        {
            var service = holder.Get<ProposalService>();
            var context = await service.ContextAsync(holder.Principal, demand, Ct);
            Assert.True(context!.MayPropose);
            // Found by its title: the demo holder gathers listed patents from many tests, more than one page of suggestions.
            Assert.Contains(await service.SuggestPatentsAsync(holder.Principal, firstTitle, Ct), p => p.Id == first);

            var (result, _) = await service.ProposeAsync(holder.Principal, demand, new ProposalInput(Message, [first, second, first]), Ct);
            Assert.True(result.Succeeded, result.Message);
        }

        var stored = Assert.Single(await StoredAsync(demand));
        Assert.Equal((ProposalStatus.Pending, 2), (stored.Status, stored.PatentIds.Length));
        foreach (var (email, sees) in new[]
                 {
                     (sme.Email!, true), (Accounts.ShijiazhuangStaff, true), (Accounts.Provincial, true), (Accounts.BaodingStaff, false),
                     (Accounts.Sme, false), (Accounts.Institute, false), (AnonymousVisitor, false),
                 })
        {
            await using var viewer = await VisitAsync(app, email);
            var proposals = await viewer.Get<ProposalService>().ForDemandAsync(viewer.Principal, demand, Ct);
            Assert.True(sees == (proposals is not null), email);
            if (sees)
            {
                Assert.Equal(Message, Assert.Single(proposals!).Message);
            }
        }

        await using var owner = await ActingUser.SignInAsync(app, Accounts.Holder);
        var mine = await owner.Get<ProposalService>().ForHolderAsync(owner.Principal, Ct);
        Assert.Contains(mine!.Proposals, p => p.Id == stored.Id && p.Patents.Count == 2);
        Assert.Equal(AuditActions.ProposalCreated, (await AuditOfAsync(stored.Id)).Single());
    }

    [Fact]
    public async Task AHolderCannotProposePatentsItDoesNotHoldOrWhoseListingIsNotPublished()
    {
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(sme);
        var othersPublished = await PatentAsync(Accounts.Institute);
        var ownDraft = await PatentAsync(Accounts.Holder, ListingStatus.Draft);
        var ownSubmitted = await PatentAsync(Accounts.Holder, ListingStatus.Submitted);

        foreach (var patent in new[] { othersPublished, ownDraft, ownSubmitted, Guid.NewGuid() })
        {
            var (result, errors) = await ProposeAsync(Accounts.Holder, demand, Message, patent);

            Assert.Equal(CommandStatus.Invalid, result.Status);
            Assert.Equal(Rule("Proposal_PatentNotOffered"), errors["PatentIds"]);
        }

        Assert.Empty(await StoredAsync(demand));
    }

    public static TheoryData<string, string?, int, string, string> BadProposals => new()
    {
        { "no patents", Message, 0, "PatentIds", "Proposal_PatentRequired" },
        { "six patents", Message, 6, "PatentIds", "Proposal_TooManyPatents" },
        { "no message", "  ", 1, "Message", "Proposal_MessageRequired" },
        { "short message", "可以合作", 1, "Message", "Proposal_MessageTooShort" },
        { "long message", new string('长', DemandProposal.MessageMaxLength + 1), 1, "Message", "Proposal_MessageTooLong" },
        { "script", "<script>alert(1)</script>本专利可以解决您的问题", 1, "Message", "Proposal_MessageMarkup" },
    };

    [Theory]
    [MemberData(nameof(BadProposals))]
    public async Task ABadProposalNamesTheFieldAndWritesNothing(string _, string? message, int patentCount, string field, string code)
    {
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(sme);
        var patents = new List<Guid>();
        for (var i = 0; i < patentCount; i++)
        {
            patents.Add(await PatentAsync(Accounts.Holder));
        }

        var (result, errors) = await ProposeAsync(Accounts.Holder, demand, message, [.. patents]);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(Rule(code), errors[field]);
        Assert.Empty(await StoredAsync(demand));
    }

    [Fact]
    public async Task OnlyVerifiedHoldersProposeAndOnlyOnPublishedDemands()
    {
        var sme = await RegisterSmeAsync(app);
        var draft = await PublishedDemandAsync(sme, publish: false);
        var demand = await PublishedDemandAsync(sme);
        var patent = await PatentAsync(Accounts.Holder);

        Assert.Equal(CommandStatus.NotFound, (await ProposeAsync(Accounts.Holder, draft, Message, patent)).Result.Status);
        Assert.Equal(CommandStatus.Forbidden, (await ProposeAsync(Accounts.Sme, demand, Message, patent)).Result.Status);
        Assert.Equal(CommandStatus.Forbidden, (await ProposeAsync(Accounts.ShijiazhuangStaff, demand, Message, patent)).Result.Status);
        await using (var anonymous = ActingUser.Anonymous(app))
        {
            var (result, _) = await anonymous.Get<ProposalService>().ProposeAsync(anonymous.Principal, demand, new ProposalInput(Message, [patent]), Ct);
            Assert.Equal(CommandStatus.Forbidden, result.Status);
        }

        await ChangeAsync(app, demand, d => d.Close(DemandCloseReason.SolvedElsewhere, null, DateTimeOffset.UtcNow));
        Assert.Equal(CommandStatus.NotFound, (await ProposeAsync(Accounts.Holder, demand, Message, patent)).Result.Status);
        Assert.Empty(await StoredAsync(demand));
        Assert.Empty(await StoredAsync(draft));
    }

    [Fact]
    public async Task AHolderHasOnePendingProposalPerDemandAndMayWithdrawIt()
    {
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(sme);
        var patent = await PatentAsync(Accounts.Holder);
        Assert.True((await ProposeAsync(Accounts.Holder, demand, Message, patent)).Result.Succeeded);

        var again = await ProposeAsync(Accounts.Holder, demand, Message + "（补充）", patent);

        Assert.Equal(CommandStatus.Conflict, again.Result.Status);
        var pending = Assert.Single(await StoredAsync(demand));
        await using var holder = await ActingUser.SignInAsync(app, Accounts.Holder);
        var service = holder.Get<ProposalService>();
        Assert.Equal(pending.Id, (await service.ContextAsync(holder.Principal, demand, Ct))!.Pending!.Id);
        await using (var other = await ActingUser.SignInAsync(app, Accounts.Institute))
        {
            Assert.Equal(CommandStatus.NotFound, (await other.Get<ProposalService>().WithdrawAsync(other.Principal, pending.Id, pending.Version, Ct)).Status);
        }

        Assert.True((await service.WithdrawAsync(holder.Principal, pending.Id, pending.Version, Ct)).Succeeded);
        Assert.True((await ProposeAsync(Accounts.Holder, demand, Message, patent)).Result.Succeeded);
        Assert.Equal([ProposalStatus.Pending, ProposalStatus.Withdrawn], (await StoredAsync(demand)).Select(p => p.Status).Order());
    }

    [Fact]
    public async Task TheSmeAcceptsAProposalIntoADealRequestThatBothSidesAndNoOneElseSee()
    {
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(sme);
        var patent = await PatentAsync(Accounts.Holder);
        Assert.True((await ProposeAsync(Accounts.Holder, demand, Message, patent)).Result.Succeeded);
        var proposal = Assert.Single(await StoredAsync(demand));

        foreach (var outsider in new[] { Accounts.Holder, Accounts.Sme, Accounts.ShijiazhuangStaff, Accounts.Provincial })
        {
            await using var user = await ActingUser.SignInAsync(app, outsider);
            Assert.Equal(CommandStatus.NotFound, (await user.Get<ProposalService>().AcceptAsync(user.Principal, proposal.Id, proposal.Version, Ct)).Result.Status);
        }

        Guid? requestId;
        await using (var owner = await ActingUser.SignInAsync(app, sme.Email!))
        {
            var (result, id) = await owner.Get<ProposalService>().AcceptAsync(owner.Principal, proposal.Id, proposal.Version, Ct);
            Assert.True(result.Succeeded, result.Message);
            requestId = id;
            var request = Assert.Single(await owner.Get<ProposalService>().DealRequestsAsync(owner.Principal, Ct), r => r.Id == requestId);
            Assert.True(request.ViewerIsSme);
            Assert.Equal((demand, patent), (request.DemandId!.Value, Assert.Single(request.Patents).Id));
        }

        await using (var holder = await ActingUser.SignInAsync(app, Accounts.Holder))
        {
            var request = Assert.Single(await holder.Get<ProposalService>().DealRequestsAsync(holder.Principal, Ct), r => r.Id == requestId);
            Assert.False(request.ViewerIsSme);
            Assert.Equal(sme.OrganisationId, request.SmeOrganisationId);
        }

        foreach (var outsider in new[] { Accounts.Sme, Accounts.Institute, Accounts.Provincial })
        {
            await using var user = await ActingUser.SignInAsync(app, outsider);
            Assert.DoesNotContain(await user.Get<ProposalService>().DealRequestsAsync(user.Principal, Ct), r => r.Id == requestId);
        }

        Assert.Equal(ProposalStatus.Accepted, Assert.Single(await StoredAsync(demand)).Status);
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalAccepted], await AuditOfAsync(proposal.Id));
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.DealRequestCreated && a.RecordId == requestId.ToString(), Ct));
    }

    [Fact]
    public async Task DeclinedProposalsTellTheHolderWhyAndTheReasonsAddUp()
    {
        var holder = await RegisterHolderAsync();
        var sme = await RegisterSmeAsync(app);
        var demands = new[] { await PublishedDemandAsync(sme), await PublishedDemandAsync(sme), await PublishedDemandAsync(sme) };
        var patent = await PatentAsync(holder.Email!);
        foreach (var demand in demands)
        {
            Assert.True((await ProposeAsync(holder.Email!, demand, Message, patent)).Result.Succeeded);
        }

        await using var owner = await ActingUser.SignInAsync(app, sme.Email!);
        var service = owner.Get<ProposalService>();
        var proposals = new List<DemandProposal>();
        foreach (var demand in demands)
        {
            proposals.Add(Assert.Single(await StoredAsync(demand)));
        }

        var noNote = await service.DeclineAsync(owner.Principal, proposals[0].Id, proposals[0].Version, ProposalDeclineReason.Other, " ", Ct);
        Assert.Equal((CommandStatus.Invalid, Rule("Proposal_DeclineNoteRequired")), (noNote.Status, noNote.Message));
        Assert.True((await service.DeclineAsync(owner.Principal, proposals[0].Id, proposals[0].Version, ProposalDeclineReason.Other, "已与本地企业合作", Ct)).Succeeded);
        Assert.True((await service.DeclineAsync(owner.Principal, proposals[1].Id, proposals[1].Version, ProposalDeclineReason.TooExpensive, null, Ct)).Succeeded);
        Assert.True((await service.DeclineAsync(owner.Principal, proposals[2].Id, proposals[2].Version, ProposalDeclineReason.TooExpensive, null, Ct)).Succeeded);

        // Deciding on what one saw: the version read before the decline no longer holds.
        var stale = await service.AcceptAsync(owner.Principal, proposals[1].Id, proposals[1].Version, Ct);
        Assert.Equal((CommandStatus.Conflict, Conflict), (stale.Result.Status, stale.Result.Message));

        await using var holderUser = await ActingUser.SignInAsync(app, holder.Email!);
        var mine = await holderUser.Get<ProposalService>().ForHolderAsync(holderUser.Principal, Ct);
        Assert.Equal(new Dictionary<ProposalDeclineReason, int> { [ProposalDeclineReason.Other] = 1, [ProposalDeclineReason.TooExpensive] = 2 }, mine!.DeclineReasons);
        Assert.Contains(mine.Proposals, p => p.DeclineNote == "已与本地企业合作");
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalDeclined], await AuditOfAsync(proposals[0].Id));
    }

    [Fact]
    public async Task ADecidedProposalCannotBeDecidedAgain()
    {
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(sme);
        var patent = await PatentAsync(Accounts.Holder);
        Assert.True((await ProposeAsync(Accounts.Holder, demand, Message, patent)).Result.Succeeded);
        await using var owner = await ActingUser.SignInAsync(app, sme.Email!);
        var service = owner.Get<ProposalService>();
        var proposal = Assert.Single(await StoredAsync(demand));
        Assert.True((await service.DeclineAsync(owner.Principal, proposal.Id, proposal.Version, ProposalDeclineReason.NotRelevant, null, Ct)).Succeeded);

        var current = Assert.Single(await StoredAsync(demand));
        var accept = await service.AcceptAsync(owner.Principal, current.Id, current.Version, Ct);

        Assert.Equal((CommandStatus.Invalid, Rule("Proposal_NotPending")), (accept.Result.Status, accept.Result.Message));
        await using var db = app.CreateDbContext();
        Assert.False(await db.DealRequests.AnyAsync(r => r.ProposalId == proposal.Id, Ct));
    }

    private async Task<List<string>> AuditOfAsync(Guid proposalId)
    {
        await using var db = app.CreateDbContext();
        var id = proposalId.ToString();
        return await db.AuditEntries.AsNoTracking().Where(a => a.RecordType == nameof(DemandProposal) && a.RecordId == id)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
    }
}
