using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;
using static PatentTransfer.Domain.Tests.Demands.DemandSamples;

namespace PatentTransfer.Domain.Tests.Demands;

public class DemandFollowUpTests
{
    [Fact]
    public void AnEntryBelongsToTheDemandAndItsSme()
    {
        var demand = Submitted();
        var author = Guid.NewGuid();

        var entry = new DemandFollowUp(demand, author, " 石家庄审核员 ", DemandFollowUpKind.Visit, Today.AddDays(-2), "  走访企业，确认衬板工况。\r\n下一步：推荐两所高校。 ", Today, Now);

        Assert.Equal((demand.Id, demand.SmeOrganisationId, author), (entry.DemandId, entry.SmeOrganisationId, entry.AuthorUserId));
        Assert.Equal(("石家庄审核员", DemandFollowUpKind.Visit, Today.AddDays(-2)), (entry.AuthorName, entry.Kind, entry.Date));
        Assert.Equal("走访企业，确认衬板工况。\n下一步：推荐两所高校。", entry.Text);
        Assert.Equal(AuditActions.DemandFollowUpAdded, entry.AuditAction);
    }

    [Fact]
    public void AnEntryIsDatedWithinTheLastYearAndNotInTheFuture()
    {
        Assert.Empty(DemandFollowUp.Validate(DemandFollowUpKind.Call, Today, "电话沟通", Today));
        Assert.Empty(DemandFollowUp.Validate(DemandFollowUpKind.Call, Today.AddDays(-365), "电话沟通", Today));
        Assert.Equal([new DemandRuleError("Date", "DateInFuture")], DemandFollowUp.Validate(DemandFollowUpKind.Call, Today.AddDays(1), "电话沟通", Today));
        Assert.Equal([new DemandRuleError("Date", "DateTooOld")], DemandFollowUp.Validate(DemandFollowUpKind.Call, Today.AddDays(-366), "电话沟通", Today));
    }

    [Theory]
    [InlineData(" ", "TextRequired")]
    [InlineData("走访<script>alert(1)</script>", "Markup")]
    public void AnEntryNeedsPlainText(string text, string code) =>
        Assert.Equal([new DemandRuleError("Text", code)], DemandFollowUp.Validate(DemandFollowUpKind.Note, Today, text, Today));

    [Fact]
    public void AnEntryIsAtMostTwoThousandCharacters()
    {
        Assert.Empty(DemandFollowUp.Validate(DemandFollowUpKind.Note, Today, new string('记', 2_000), Today));
        Assert.Equal([new DemandRuleError("Text", "TextTooLong")], DemandFollowUp.Validate(DemandFollowUpKind.Note, Today, new string('记', 2_001), Today));
    }

    [Fact]
    public void AnInvalidEntryIsNotCreated()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new DemandFollowUp(Submitted(), Guid.NewGuid(), "张经理", (DemandFollowUpKind)9, Today, "备注", Today, Now));

        Assert.Equal("DemandFollowUp_KindRequired", error.Code);
    }
}
