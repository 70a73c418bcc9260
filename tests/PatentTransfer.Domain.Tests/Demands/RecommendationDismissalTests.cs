using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;

namespace PatentTransfer.Domain.Tests.Demands;

public class RecommendationDismissalTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static RecommendationDismissal Dismiss(DismissalReason reason, string? note) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), reason, note, Guid.NewGuid(), Now);

    [Theory]
    [InlineData(DismissalReason.TooEarly)]
    [InlineData(DismissalReason.UnclearBenefit)]
    [InlineData(DismissalReason.TooExpensive)]
    [InlineData(DismissalReason.WrongField)]
    public void AGivenReasonNeedsNoNote(DismissalReason reason)
    {
        var dismissal = Dismiss(reason, "   ");

        Assert.Equal((reason, null, Now, AuditActions.RecommendationDismissed), (dismissal.Reason, dismissal.Note, dismissal.DismissedAt, dismissal.AuditAction));
    }

    [Fact]
    public void OtherNeedsANoteWhichIsKeptTrimmed()
    {
        Assert.Equal("Dismissal_NoteRequired", Assert.Throws<DomainRuleException>(() => Dismiss(DismissalReason.Other, " ")).Code);
        Assert.Equal("与我们的工艺不兼容", Dismiss(DismissalReason.Other, "  与我们的工艺不兼容 ").Note);
    }

    [Theory]
    [InlineData(null, "x", "Dismissal_ReasonRequired")]
    [InlineData((DismissalReason)42, "x", "Dismissal_ReasonRequired")]
    [InlineData(DismissalReason.TooEarly, "<b>太早</b>", "Dismissal_NoteMarkup")]
    public void ABrokenRuleIsNamed(DismissalReason? reason, string note, string code) =>
        Assert.Equal(code, RecommendationDismissal.ReasonError(reason, note));

    [Fact]
    public void ANoteHasALimit()
    {
        Assert.Null(RecommendationDismissal.ReasonError(DismissalReason.TooExpensive, new string('贵', RecommendationDismissal.NoteMaxLength)));
        Assert.Equal("Dismissal_NoteTooLong", RecommendationDismissal.ReasonError(DismissalReason.TooExpensive, new string('贵', RecommendationDismissal.NoteMaxLength + 1)));
    }

    [Fact]
    public void ARequestFromARecommendationNamesTheDemandThePatentAndBothSides()
    {
        var (demand, sme, holder, patent, user) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var request = DealRequest.FromRecommendation(demand, sme, holder, patent, user, Now);

        Assert.Equal((DealRequestOrigin.Recommendation, DealRequestStatus.Open, demand, sme, holder, (Guid?)null, user, Now),
            (request.Origin, request.Status, request.DemandId!.Value, request.SmeOrganisationId, request.HolderOrganisationId, request.ProposalId,
             request.CreatedByUserId, request.CreatedAt));
        Assert.Equal([patent], request.PatentIds);
        Assert.Equal(AuditActions.DealRequestCreated, request.AuditAction);
    }
}
