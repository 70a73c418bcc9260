using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Features.Proposals;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Tests.DemandHall;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using static PatentTransfer.Web.Tests.Matching.RecommendationTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>
/// Recommended patents for a demand through the service: who sees them, what they explain, dismissing with a reason,
/// asking a holder to negotiate, the holder's counts, and how fast new patents reach a demand.
/// </summary>
public class RecommendationServiceTests(PortalAppFactory app)
{
    private static async Task<CommandResult> DismissAsync(PortalAppFactory app, string email, Guid demandId, Guid patentId, DismissalReason? reason, string? note = null)
    {
        await using var user = await VisitAsync(app, email);
        return await user.Get<RecommendationService>().DismissAsync(user.Principal, demandId, patentId, reason, note, Ct);
    }

    private static async Task<(CommandResult Result, Guid? Id)> RequestAsync(PortalAppFactory app, string email, Guid demandId, Guid patentId)
    {
        await using var user = await VisitAsync(app, email);
        return await user.Get<RecommendationService>().RequestAsync(user.Principal, demandId, patentId, Ct);
    }

    private async Task<List<RecommendationDismissal>> DismissalsAsync(Guid demandId)
    {
        await using var db = app.CreateDbContext();
        return await db.RecommendationDismissals.AsNoTracking().Where(d => d.DemandId == demandId).ToListAsync(Ct);
    }

    private async Task<List<DealRequest>> RequestsAsync(Guid demandId)
    {
        await using var db = app.CreateDbContext();
        return await db.DealRequests.AsNoTracking().Where(r => r.DemandId == demandId).ToListAsync(Ct);
    }

    [Fact]
    public async Task TheSmeGetsValidPatentsExplainedAndTheStaffOfItsCityReadThemWhileOthersGetNothing()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var listed = await ListedPatentAsync(app, Accounts.Holder, token);
        var unlisted = await PatentAsync(app, Accounts.Institute, Details(token));
        var lapsed = await PatentAsync(app, Accounts.Institute, Details(token, LegalStatus.Lapsed));

        var (mine, _) = await ContainingAsync(app, sme.Email!, demand, listed, unlisted);

        Assert.True(mine.MayAct);
        Assert.Equal(RecommendationAvailability.Available, mine.Availability);
        Assert.DoesNotContain(mine.Patents, p => p.PatentId == lapsed);
        Assert.InRange(mine.Patents.Count, 2, RecommendationService.Count);
        Assert.Equal(Enumerable.Range(1, mine.Patents.Count), mine.Patents.Select(p => p.Rank));
        Assert.Equal(mine.Patents.OrderByDescending(p => p.Score).Select(p => p.PatentId), mine.Patents.Select(p => p.PatentId));

        var row = mine.Patents.Single(p => p.PatentId == listed);
        Assert.Equal("河北示范理工大学（演示）", row.HolderName);
        Assert.Equal(80_000m, row.PublishedTerms!.LumpSum);
        Assert.Contains(row.MatchedTerms, t => t.Text == token);
        Assert.InRange(row.MatchedTerms.Sum(t => t.Share), 0.5, 1.0 + 1e-9);
        Assert.Equal(row.Score, row.Factors.Sum(f => f.Contribution), 6);
        Assert.DoesNotContain(row.Factors, f => f.Contribution == 0);
        var text = row.Factors.Single(f => f.Variant == FactorVariant.Text);
        Assert.StartsWith("文本相关 ", MatchExplanation.Chip(text), StringComparison.Ordinal);
        // The demand's field is the subclass C22C; the patent's main class C22C37/10 lies in it.
        var ipc = row.Factors.Single(f => f.Kind == PatentTransfer.Matching.Recommend.MatchFactorKind.Ipc);
        Assert.Equal(FactorVariant.IpcSubclass, ipc.Variant);
        Assert.Matches(@"^同一IPC小类 \+0\.\d\d\d?$", MatchExplanation.Chip(ipc));
        Assert.Equal("本专利的分类 C22C37/10 与需求的技术领域 C22C 属同一小类。", MatchExplanation.Detail(ipc, null));
        // 8 万元 asked, 120 万元 at most: within budget; an ordinary licence for a demand that wants a licence.
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.PriceWithin && MatchExplanation.Chip(f).StartsWith("价格在预算内 +", StringComparison.Ordinal));
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.ModesShared);
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.Listed);
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.Sleeping);
        // The SME is in 石家庄, the university in 保定: elsewhere in Hebei.
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.Hebei);
        Assert.Null(mine.Patents.Single(p => p.PatentId == unlisted).PublishedTerms);
        Assert.Contains(mine.Patents.Single(p => p.PatentId == unlisted).Factors, f => f.Variant == FactorVariant.SameCity);

        foreach (var staff in new[] { Accounts.ShijiazhuangStaff, Accounts.Provincial, Accounts.Administrator })
        {
            var seen = await RecommendationsAsync(app, staff, demand);
            Assert.NotNull(seen);
            Assert.False(seen.MayAct, staff);
            Assert.Contains(seen.Patents, p => p.PatentId == listed);
        }

        foreach (var outsider in new[] { Accounts.BaodingStaff, Accounts.Sme, Accounts.Holder, Accounts.Institute, Accounts.Agency, AnonymousVisitor })
        {
            Assert.Null(await RecommendationsAsync(app, outsider, demand));
        }

        Assert.Null(await RecommendationsAsync(app, sme.Email!, Guid.NewGuid()));
    }

    [Fact]
    public async Task ADismissedPatentLeavesTheListAtOnceTwiceChangesNothingAndItsHolderSeesOnlyTheCount()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var dismissed = await ListedPatentAsync(app, Accounts.Holder, token);
        var kept = await ListedPatentAsync(app, Accounts.Holder, token);
        await ContainingAsync(app, sme.Email!, demand, dismissed, kept);

        Assert.True((await DismissAsync(app, sme.Email!, demand, dismissed, DismissalReason.TooExpensive)).Succeeded);

        var after = await RecommendationsAsync(app, sme.Email!, demand);
        Assert.DoesNotContain(after!.Patents, p => p.PatentId == dismissed);
        Assert.Contains(after.Patents, p => p.PatentId == kept);
        Assert.Equal(1, after.DismissedCount);

        // Again, with another reason: nothing changes, the first reason stands and is counted once.
        Assert.True((await DismissAsync(app, sme.Email!, demand, dismissed, DismissalReason.WrongField)).Succeeded);
        var stored = Assert.Single(await DismissalsAsync(demand));
        Assert.Equal((dismissed, DismissalReason.TooExpensive, sme.OrganisationId!.Value, sme.Id), (stored.PatentId, stored.Reason, stored.SmeOrganisationId, stored.DismissedByUserId));
        await using (var db = app.CreateDbContext())
        {
            var key = stored.Id.ToString();
            Assert.Equal([AuditActions.RecommendationDismissed], await db.AuditEntries.Where(a => a.RecordId == key).Select(a => a.Action).ToListAsync(Ct));
        }

        // Staff following the demand no longer see it either.
        Assert.DoesNotContain((await RecommendationsAsync(app, Accounts.ShijiazhuangStaff, demand))!.Patents, p => p.PatentId == dismissed);

        await using (var holder = await VisitAsync(app, Accounts.Holder))
        {
            var feedback = await holder.Get<RecommendationService>().FeedbackForHolderAsync(holder.Principal, Ct);
            var row = Assert.Single(feedback!.Patents, p => p.PatentId == dismissed);
            Assert.Equal(new Dictionary<DismissalReason, int> { [DismissalReason.TooExpensive] = 1 }, row.Counts);
            Assert.DoesNotContain(feedback.Patents, p => p.PatentId == kept);
            Assert.True(feedback.Totals[DismissalReason.TooExpensive] >= 1);

            // Nothing in what the holder gets points to the SME or the demand.
            var json = JsonSerializer.Serialize(feedback);
            var smeName = await SmeNameAsync(sme.OrganisationId!.Value);
            foreach (var secret in new[] { smeName, sme.OrganisationId.ToString()!, sme.Id.ToString(), demand.ToString() })
            {
                Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
            }
        }

        await using (var institute = await VisitAsync(app, Accounts.Institute))
        {
            var feedback = await institute.Get<RecommendationService>().FeedbackForHolderAsync(institute.Principal, Ct);
            Assert.DoesNotContain(feedback!.Patents, p => p.PatentId == dismissed);
        }

        foreach (var notHolder in new[] { sme.Email!, Accounts.ShijiazhuangStaff, Accounts.Provincial, AnonymousVisitor })
        {
            await using var user = await VisitAsync(app, notHolder);
            Assert.Null(await user.Get<RecommendationService>().FeedbackForHolderAsync(user.Principal, Ct));
        }
    }

    [Fact]
    public async Task OnlyTheSmesOwnUsersDismissOrRequest()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var patent = await ListedPatentAsync(app, Accounts.Holder, token);

        foreach (var outsider in new[]
                 {
                     Accounts.Sme, Accounts.Holder, Accounts.Institute, Accounts.ShijiazhuangStaff, Accounts.Provincial, Accounts.Administrator, AnonymousVisitor,
                 })
        {
            Assert.Equal(CommandStatus.NotFound, (await DismissAsync(app, outsider, demand, patent, DismissalReason.WrongField)).Status);
            Assert.Equal(CommandStatus.NotFound, (await RequestAsync(app, outsider, demand, patent)).Result.Status);
        }

        Assert.Empty(await DismissalsAsync(demand));
        Assert.Empty(await RequestsAsync(demand));
    }

    public static TheoryData<string, DismissalReason?, string?, string> BadDismissals => new()
    {
        { "other without a note", DismissalReason.Other, "  ", "Dismissal_NoteRequired" },
        { "no reason", null, "太贵了", "Dismissal_ReasonRequired" },
        { "unknown reason", (DismissalReason)99, null, "Dismissal_ReasonRequired" },
        { "markup", DismissalReason.Other, "<script>alert(1)</script>", "Dismissal_NoteMarkup" },
        { "long note", DismissalReason.TooEarly, new string('长', RecommendationDismissal.NoteMaxLength + 1), "Dismissal_NoteTooLong" },
    };

    [Theory]
    [MemberData(nameof(BadDismissals))]
    public async Task ABadReasonIsRefusedWithAClearMessageAndNothingIsWritten(string _, DismissalReason? reason, string? note, string code)
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var patent = await ListedPatentAsync(app, Accounts.Holder, token);

        var result = await DismissAsync(app, sme.Email!, demand, patent, reason, note);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(Rule(code), result.Message);
        Assert.Empty(await DismissalsAsync(demand));
    }

    [Fact]
    public async Task OtherNeedsANoteInPlainChineseAndIsStoredWithIt()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var patent = await ListedPatentAsync(app, Accounts.Holder, token);

        var refused = await DismissAsync(app, sme.Email!, demand, patent, DismissalReason.Other);
        var accepted = await DismissAsync(app, sme.Email!, demand, patent, DismissalReason.Other, "  我们已经有类似的生产线  ");

        Assert.Equal("选择“其他”时请填写补充说明。", refused.Message);
        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.Equal("我们已经有类似的生产线", Assert.Single(await DismissalsAsync(demand)).Note);
    }

    [Fact]
    public async Task RequestingRecordsOneDealRequestThatTheSmeAndTheHolderSee()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var patent = await PatentAsync(app, Accounts.Institute, Details(token));
        var lapsed = await PatentAsync(app, Accounts.Institute, Details(token, LegalStatus.Lapsed));
        await ContainingAsync(app, sme.Email!, demand, patent);

        var (first, id) = await RequestAsync(app, sme.Email!, demand, patent);
        var (second, again) = await RequestAsync(app, sme.Email!, demand, patent);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(id, again);
        var stored = Assert.Single(await RequestsAsync(demand));
        Assert.Equal((DealRequestOrigin.Recommendation, DealRequestStatus.Open, sme.OrganisationId!.Value, (Guid?)null),
            (stored.Origin, stored.Status, stored.SmeOrganisationId, stored.ProposalId));
        Assert.Equal([patent], stored.PatentIds);
        Assert.Equal(id, (await RecommendationsAsync(app, sme.Email!, demand))!.Patents.Single(p => p.PatentId == patent).DealRequestId);
        await using (var db = app.CreateDbContext())
        {
            var key = stored.Id.ToString();
            Assert.Equal([AuditActions.DealRequestCreated], await db.AuditEntries.Where(a => a.RecordId == key).Select(a => a.Action).ToListAsync(Ct));
        }

        await using (var owner = await VisitAsync(app, sme.Email!))
        {
            var request = Assert.Single(await owner.Get<ProposalService>().DealRequestsAsync(owner.Principal, Ct), r => r.Id == id);
            Assert.Equal((DealRequestOrigin.Recommendation, true, demand), (request.Origin, request.ViewerIsSme, request.DemandId!.Value));
            Assert.Equal("河北示范新材料研究院（演示）", request.HolderName);
            Assert.Equal(patent, Assert.Single(request.Patents).Id);
        }

        await using (var holder = await VisitAsync(app, Accounts.Institute))
        {
            var request = Assert.Single(await holder.Get<ProposalService>().DealRequestsAsync(holder.Principal, Ct), r => r.Id == id);
            Assert.False(request.ViewerIsSme);
            Assert.Equal(await SmeNameAsync(sme.OrganisationId.Value), request.SmeName);
        }

        await using (var other = await VisitAsync(app, Accounts.Holder))
        {
            Assert.DoesNotContain(await other.Get<ProposalService>().DealRequestsAsync(other.Principal, Ct), r => r.Id == id);
        }

        var refused = await RequestAsync(app, sme.Email!, demand, lapsed);
        Assert.Equal(CommandStatus.Invalid, refused.Result.Status);
        Assert.Equal(PortalTexts.Zh("Recommendation_PatentNotValid"), refused.Result.Message);
        Assert.Single(await RequestsAsync(demand));
    }

    [Fact]
    public async Task ADemandIsMatchedFromItsPublicationUntilItEnds()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var patent = await ListedPatentAsync(app, Accounts.Holder, token);
        Guid demand;
        await using (var owner = await ActingUser.SignInAsync(app, sme.Email!))
        {
            var service = owner.Get<MyDemandsService>();
            var input = Input(TodayOn(TimeProvider.System), $"{token} 高韧性耐磨衬板");
            input.Keywords = token + "；耐磨";
            var saved = await service.SaveDraftAsync(owner.Principal, null, input, null, Ct);
            Assert.True(saved.Result.Succeeded, saved.Result.Message);
            demand = saved.Id!.Value;
            Assert.Equal(RecommendationAvailability.NotPublished, (await RecommendationsAsync(app, sme.Email!, demand))!.Availability);
            Assert.True((await service.SubmitAsync(owner.Principal, demand, (await ReloadAsync(app, demand)).Version, Ct)).Succeeded);
        }

        var submitted = await RecommendationsAsync(app, Accounts.ShijiazhuangStaff, demand);
        Assert.Equal((RecommendationAvailability.NotPublished, 0), (submitted!.Availability, submitted.Patents.Count));
        Assert.Equal(CommandStatus.Invalid, (await DismissAsync(app, sme.Email!, demand, patent, DismissalReason.TooEarly)).Status);

        // 石家庄's staff publish it through the review service: from then on the SME gets recommendations.
        await using (var staff = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff))
        {
            var approved = await staff.Get<DemandReviewService>().ApproveAsync(staff.StaffScope, demand, (await ReloadAsync(app, demand)).Version, Ct);
            Assert.True(approved.Succeeded, approved.Message);
        }

        var (published, _) = await ContainingAsync(app, sme.Email!, demand, patent);
        Assert.Equal(patent, published.Patents[0].PatentId);

        await ChangeAsync(app, demand, d => d.Close(DemandCloseReason.SolvedElsewhere, null, DateTimeOffset.UtcNow));
        var closed = await RecommendationsAsync(app, sme.Email!, demand);
        Assert.Equal((RecommendationAvailability.Closed, false, 0), (closed!.Availability, closed.MayAct, closed.Patents.Count));
        Assert.Equal(PortalTexts.Zh("Recommendation_DemandNotOpen"), (await DismissAsync(app, sme.Email!, demand, patent, DismissalReason.TooEarly)).Message);
        Assert.Equal(CommandStatus.Invalid, (await RequestAsync(app, sme.Email!, demand, patent)).Result.Status);
        Assert.Empty(await DismissalsAsync(demand));
        Assert.Empty(await RequestsAsync(demand));
    }

    [Fact]
    public async Task ANewValidPatentAndAChangedOneReachTheDemandWithinSecondsAndALapsedOneLeavesIt()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var first = await ListedPatentAsync(app, Accounts.Holder, token);
        var unrelated = await PatentAsync(app, Accounts.Institute, PatentTransfer.Testing.TestPatents.Details(title: "一种用于包装纸箱的折叠装置" + NewToken()[..4]));
        await ContainingAsync(app, sme.Email!, demand, first);

        var imported = await PatentAsync(app, Accounts.Institute, Details(token));
        var (_, waited) = await ContainingAsync(app, sme.Email!, demand, imported);
        Assert.True(waited < TimeSpan.FromSeconds(5), $"a new patent took {waited} to be recommended");

        await ChangePatentAsync(app, unrelated, p => Details(token) with { ApplicationNumber = ApplicationNumber.Parse(p.ApplicationNumber) });
        (_, waited) = await ContainingAsync(app, sme.Email!, demand, unrelated);
        Assert.True(waited < TimeSpan.FromSeconds(5), $"a changed patent took {waited} to be recommended");

        await ChangePatentAsync(app, first, p => Details(token, LegalStatus.Lapsed) with { ApplicationNumber = ApplicationNumber.Parse(p.ApplicationNumber) });
        (_, waited) = await EventuallyAsync(app, sme.Email!, demand, r => r.Patents.All(p => p.PatentId != first));
        Assert.True(waited < TimeSpan.FromSeconds(5), $"a lapsed patent took {waited} to leave the recommendations");
    }

    private async Task<string> SmeNameAsync(Guid organisationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(Ct);
    }
}
