using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Domain.Tests.Patents;

namespace PatentTransfer.Domain.Tests.Listings;

public class ListingTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Reviewer = Guid.NewGuid();

    private static Patent NewPatent(PatentDetails? details = null) => new(details ?? PatentTests.Details(), Guid.NewGuid(), Today, Now);

    private static ListingTerms Terms(params OfferMode[] modes) => new(
        modes.Length == 0 ? [OfferMode.OrdinaryLicence] : modes, PriceKind.LumpSum, 50_000m, null, null,
        FreeForSmes: false, PayLater: false, TrialMonths: null, TechnicalService: true, OpenLicence: false,
        HasEvaluationReport: false, CoOwnersConsent: false, Description: "提供技术培训");

    [Fact]
    public void GoesFromDraftThroughReviewToPublishedAndCanBeWithdrawn()
    {
        var patent = NewPatent();
        var listing = new Listing(patent, Terms(), Today, Now);
        Assert.Equal(ListingStatus.Draft, listing.Status);

        listing.Submit(patent, holderMayPublish: true, Today, Now);
        Assert.Equal(ListingStatus.Submitted, listing.Status);
        listing.Approve(patent, Reviewer, Today, Now);
        Assert.Equal((ListingStatus.Published, Reviewer), (listing.Status, listing.ReviewedByUserId));
        listing.Withdraw(Now);
        Assert.Equal(ListingStatus.Withdrawn, listing.Status);
        Assert.True(listing.IsEditable);
    }

    [Fact]
    public void AReturnedListingCarriesTheReasonAndCanBeEditedAndResubmitted()
    {
        var patent = NewPatent();
        var listing = new Listing(patent, Terms(), Today, Now);
        listing.Submit(patent, true, Today, Now);

        Assert.Equal("Listing_ReasonRequired", Assert.Throws<DomainRuleException>(() => listing.Return(Reviewer, "  ", Now)).Code);
        listing.Return(Reviewer, "价格请注明是否含税", Now);
        Assert.Equal((ListingStatus.Returned, "价格请注明是否含税"), (listing.Status, listing.ReturnReason));

        listing.Edit(patent, Terms() with { LumpSum = 60_000m }, Today, Now);
        listing.Submit(patent, true, Today, Now);
        Assert.Equal((ListingStatus.Submitted, (string?)null, 60_000m), (listing.Status, listing.ReturnReason, listing.LumpSum));
    }

    [Fact]
    public void AnUnverifiedHolderCannotSubmit()
    {
        var patent = NewPatent();
        var listing = new Listing(patent, Terms(), Today, Now);

        Assert.Equal("Listing_HolderNotVerified", Assert.Throws<DomainRuleException>(() => listing.Submit(patent, false, Today, Now)).Code);
        Assert.Equal(ListingStatus.Draft, listing.Status);
    }

    [Fact]
    public void APatentThatLapsedWhileUnderReviewCannotBePublished()
    {
        var patent = NewPatent();
        var listing = new Listing(patent, Terms(), Today, Now);
        listing.Submit(patent, true, Today, Now);
        patent.RecordLegalEvent(new LegalEvent(Today, LegalEventType.LapseUnpaidFees, null), Today, Now);

        Assert.Equal("Listing_PatentNotInForce", Assert.Throws<DomainRuleException>(() => listing.Approve(patent, Reviewer, Today, Now)).Code);
        Assert.Equal(ListingStatus.Submitted, listing.Status);
    }

    [Fact]
    public void PublishedTermsCannotBeEditedInPlace()
    {
        var patent = NewPatent();
        var listing = new Listing(patent, Terms(), Today, Now);
        listing.Submit(patent, true, Today, Now);
        listing.Approve(patent, Reviewer, Today, Now);

        Assert.Equal("Listing_NotEditable", Assert.Throws<DomainRuleException>(() => listing.Edit(patent, Terms(), Today, Now)).Code);
    }

    public static TheoryData<ListingTerms, string, string> BrokenTerms => new()
    {
        { Terms() with { Modes = [] }, "Modes", "ModeRequired" },
        { Terms() with { LumpSum = null }, "LumpSum", "AmountRequired" },
        { Terms() with { LumpSum = -1m }, "LumpSum", "AmountRequired" },
        { Terms() with { LumpSum = 1.005m }, "LumpSum", "AmountRequired" },
        { Terms() with { PriceKind = PriceKind.Royalty, RoyaltyPercent = 60m }, "RoyaltyPercent", "RoyaltyRange" },
        { Terms() with { PriceKind = PriceKind.EntryFeePlusRoyalty, EntryFee = 10_000m, RoyaltyPercent = null }, "RoyaltyPercent", "RoyaltyRange" },
        { Terms(OfferMode.Transfer) with { FreeForSmes = true }, "FreeForSmes", "LicenceNeeded" },
        { Terms() with { PayLater = true, TrialMonths = 0 }, "TrialMonths", "TrialMonthsRange" },
        { Terms() with { PayLater = true, TrialMonths = 37 }, "TrialMonths", "TrialMonthsRange" },
        { Terms() with { Description = "<script>alert(1)</script>" }, "Description", "Markup" },
        { Terms(OfferMode.Transfer) with { OpenLicence = true }, "OpenLicence", "OpenNeedsOrdinaryLicence" },
        { Terms(OfferMode.OrdinaryLicence, OfferMode.ExclusiveLicence) with { OpenLicence = true }, "OpenLicence", "OpenExcludesExclusive" },
        { Terms() with { OpenLicence = true, PriceKind = PriceKind.Negotiable }, "PriceKind", "OpenNeedsDeclaredFee" },
    };

    [Theory]
    [MemberData(nameof(BrokenTerms))]
    public void BrokenTermsAreNamedByFieldAndCode(ListingTerms terms, string field, string code)
    {
        Assert.Equal([(field, code)], terms.Validate(NewPatent(), Today));
        Assert.Equal("Listing_" + code, Assert.Throws<DomainRuleException>(() => new Listing(NewPatent(), terms, Today, Now)).Code);
    }

    [Fact]
    public void OpenLicencesFollowTheLaw()
    {
        var open = Terms() with { OpenLicence = true };
        Assert.Empty(open.Validate(NewPatent(), Today));

        var digits = "202120000001";
        var utility = NewPatent(PatentTests.Details(digits + "." + ApplicationNumber.ComputeCheckCharacter(digits)) with { FilingDate = new DateOnly(2021, 2, 1) });
        Assert.Equal([("HasEvaluationReport", "OpenNeedsEvaluationReport")], open.Validate(utility, Today));
        Assert.Empty((open with { HasEvaluationReport = true }).Validate(utility, Today));

        var shared = NewPatent(PatentTests.Details() with { CoOwners = ["河北示范大学"] });
        Assert.Equal([("CoOwnersConsent", "OpenNeedsCoOwnerConsent")], open.Validate(shared, Today));

        var pledged = NewPatent();
        pledged.RecordLegalEvent(new LegalEvent(new DateOnly(2025, 1, 1), LegalEventType.PledgeRegistered, null), Today, Now);
        Assert.Equal([("OpenLicence", "OpenBarredByPledge")], open.Validate(pledged, Today));
        pledged.RecordLegalEvent(new LegalEvent(new DateOnly(2026, 1, 1), LegalEventType.PledgeReleased, null), Today, Now);
        Assert.Empty(open.Validate(pledged, Today));

        var pending = NewPatent(PatentTests.Details() with { GrantDate = null, Status = LegalStatus.Pending });
        Assert.Equal([("OpenLicence", "OpenNeedsGrantedPatent")], open.Validate(pending, Today));
    }

    [Fact]
    public void ALapsedPatentCannotBeSubmitted()
    {
        var patent = NewPatent();
        var listing = new Listing(patent, Terms(), Today, Now);
        patent.RecordLegalEvent(new LegalEvent(new DateOnly(2026, 1, 1), LegalEventType.LapseUnpaidFees, null), Today, Now);

        Assert.Equal("Listing_PatentNotInForce", Assert.Throws<DomainRuleException>(() => listing.Submit(patent, true, Today, Now)).Code);
    }
}
