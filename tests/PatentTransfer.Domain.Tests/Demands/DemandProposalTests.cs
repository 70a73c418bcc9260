using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;

namespace PatentTransfer.Domain.Tests.Demands;

public class DemandProposalTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Holder = Guid.NewGuid();
    private static readonly Guid Sme = Guid.NewGuid();

    private static DemandProposal Proposal(params Guid[] patents) =>
        new(Guid.NewGuid(), Holder, Guid.NewGuid(), "本专利可以把衬板寿命提高到一年以上。", patents.Length == 0 ? [Guid.NewGuid()] : patents, Now);

    [Fact]
    public void AcceptingRecordsADealRequestForTheProposedPatentsBetweenBothSides()
    {
        var patents = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var proposal = Proposal([.. patents, patents[0]]);

        var request = proposal.Accept(Sme, Guid.NewGuid(), Now.AddHours(1));

        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Equal((Sme, Holder, proposal.DemandId, (Guid?)proposal.Id, DealRequestStatus.Open), (request.SmeOrganisationId, request.HolderOrganisationId, request.DemandId!.Value, request.ProposalId, request.Status));
        Assert.Equal(patents, request.PatentIds);
    }

    [Fact]
    public void OnlyAPendingProposalIsDecidedOrWithdrawn()
    {
        var proposal = Proposal();
        proposal.Withdraw(Guid.NewGuid(), Now);

        Assert.Equal("Proposal_NotPending", Assert.Throws<DomainRuleException>(() => proposal.Accept(Sme, Guid.NewGuid(), Now)).Code);
        Assert.Equal("Proposal_NotPending", Assert.Throws<DomainRuleException>(() => proposal.Decline(ProposalDeclineReason.NotRelevant, null, Guid.NewGuid(), Now)).Code);
        Assert.Equal("Proposal_NotPending", Assert.Throws<DomainRuleException>(() => proposal.Withdraw(Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void DecliningForAnotherReasonNeedsANote()
    {
        var proposal = Proposal();

        Assert.Equal("Proposal_DeclineNoteRequired", Assert.Throws<DomainRuleException>(() => proposal.Decline(ProposalDeclineReason.Other, "  ", Guid.NewGuid(), Now)).Code);
        Assert.Equal("Proposal_DeclineNoteMarkup", Assert.Throws<DomainRuleException>(() => proposal.Decline(ProposalDeclineReason.Other, "<b>贵</b>", Guid.NewGuid(), Now)).Code);
        proposal.Decline(ProposalDeclineReason.Other, "已与本地企业合作", Guid.NewGuid(), Now);
        Assert.Equal((ProposalStatus.Declined, ProposalDeclineReason.Other, "已与本地企业合作"), (proposal.Status, proposal.DeclineReason, proposal.DeclineNote));
    }

    [Theory]
    [InlineData(null, "Proposal_MessageRequired")]
    [InlineData("可以合作", "Proposal_MessageTooShort")]
    [InlineData("<img src=x onerror=alert(1)>本专利可以解决问题", "Proposal_MessageMarkup")]
    [InlineData("本专利可以把衬板寿命提高到一年以上。", null)]
    public void TheMessageRules(string? message, string? code) => Assert.Equal(code, DemandProposal.MessageError(message));

    [Fact]
    public void AProposalHoldsOneToFivePatents()
    {
        Assert.Equal("Proposal_PatentRequired", Assert.Throws<DomainRuleException>(() => new DemandProposal(Guid.NewGuid(), Holder, Guid.NewGuid(), "本专利可以把衬板寿命提高到一年以上。", [], Now)).Code);
        Assert.Equal("Proposal_TooManyPatents", Assert.Throws<DomainRuleException>(() => Proposal([.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())])).Code);
    }
}
