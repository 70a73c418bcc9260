using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;
using static PatentTransfer.Domain.Tests.Demands.DemandSamples;

namespace PatentTransfer.Domain.Tests.Demands;

public class DemandTests
{
    private static readonly Guid Reviewer = Guid.NewGuid();

    private static string Code(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    [Fact]
    public void ANewDemandIsADraftOfItsOrganisationWithNormalisedDetails()
    {
        var organisation = Guid.NewGuid();
        var details = Details() with
        {
            Title = "  高韧性耐磨衬板材料  ",
            IpcHint = "c22c 38/04",
            Keywords = [" 耐磨 ", "耐磨", "衬板"],
            Description = "  第一段：现用高锰钢衬板寿命只有 4 个月。\r\n第二段：希望兼顾韧性和耐磨性。  ",
            Targets = [new DemandTarget(" 冲击韧性 ", TargetComparator.AtLeast, 67m, 99m, " J/cm² ")],
            Budget = new DemandBudget(true, 10m, 20m),
            Modes = [DemandMode.Licence, DemandMode.Buy, DemandMode.Licence],
            Contact = new DemandContact(" 张经理 ", "+86 138-1234-5678", " "),
        };

        var demand = new Demand(organisation, Guid.NewGuid(), details, Today, Now);

        Assert.Equal(DemandStatus.Draft, demand.Status);
        Assert.Equal(organisation, demand.SmeOrganisationId);
        Assert.Equal(AuditActions.DemandCreated, demand.AuditAction);
        Assert.Equal("高韧性耐磨衬板材料", demand.Title);
        Assert.Equal("C22C38/04", demand.IpcHint);
        Assert.Equal(["耐磨", "衬板"], demand.Keywords);
        Assert.Equal("第一段：现用高锰钢衬板寿命只有 4 个月。\n第二段：希望兼顾韧性和耐磨性。", demand.Description);
        Assert.Equal([new DemandTarget("冲击韧性", TargetComparator.AtLeast, 67m, null, "J/cm²")], demand.Targets);
        Assert.True(demand.BudgetNegotiable);
        Assert.Null(demand.BudgetMinWan);
        Assert.Null(demand.BudgetMaxWan);
        Assert.Equal([DemandMode.Buy, DemandMode.Licence], demand.Modes);
        Assert.Equal(("张经理", "13812345678", (string?)null), (demand.ContactName, demand.ContactPhone, demand.ContactEmail));
        Assert.Null(demand.SubmittedAt);
        Assert.Null(demand.PublishedAt);
    }

    [Fact]
    public void InvalidDetailsCreateNothingAndNameTheFirstRule()
    {
        var error = Assert.Throws<DomainRuleException>(() => NewDemand(Details() with { Modes = [], Title = "" }));

        Assert.Equal("Demand_TitleRequired", error.Code);
    }

    [Fact]
    public void ADemandFromAnotherPlatformIsPublishedAsWrittenThereButOneWrittenHereNeedsItsTargets()
    {
        // A real posting of another platform: a short problem and no quantified target, as the SME wrote it there.
        var asPostedElsewhere = Details() with { Targets = [], Description = "密封条生产不稳定密封条尺寸不稳定偏差大" };

        var carried = new Demand(Guid.NewGuid(), Guid.NewGuid(), asPostedElsewhere, Today, Now, isDemo: true, source: "another platform");
        carried.Submit(smeMayPublish: true, Today, Now);
        carried.Approve(Reviewer, Today, Now);

        Assert.True(carried.IsCarriedOver);
        Assert.Equal(DemandStatus.Published, carried.Status);
        Assert.Empty(carried.Targets);
        Assert.Equal("Demand_DescriptionTooShort", Code(() => NewDemand(asPostedElsewhere)));
        Assert.False(NewDemand().IsCarriedOver);
    }

    [Fact]
    public void GoesFromDraftThroughReviewToPublished()
    {
        var demand = NewDemand();

        demand.Submit(smeMayPublish: true, Today, Now);
        Assert.Equal((DemandStatus.Submitted, Now, AuditActions.DemandSubmitted), (demand.Status, demand.SubmittedAt, demand.AuditAction));

        var later = Now.AddHours(3);
        demand.Approve(Reviewer, Today, later);
        Assert.Equal(DemandStatus.Published, demand.Status);
        Assert.Equal((Reviewer, later, later), (demand.ReviewedByUserId, demand.ReviewedAt, demand.PublishedAt));
        Assert.Equal(AuditActions.DemandPublished, demand.AuditAction);
    }

    [Fact]
    public void AnUnverifiedSmeCannotSubmit()
    {
        var demand = NewDemand();

        Assert.Equal("Demand_SmeNotVerified", Code(() => demand.Submit(smeMayPublish: false, Today, Now)));
        Assert.Equal(DemandStatus.Draft, demand.Status);
    }

    [Fact]
    public void AReturnedDemandKeepsItsReasonWhileEditedAndLosesItOnResubmission()
    {
        var demand = Submitted();
        Assert.Equal("Demand_ReasonRequired", Code(() => demand.Return(Reviewer, "  ", Now)));
        Assert.Equal("Demand_ReasonInvalid", Code(() => demand.Return(Reviewer, "<b>不清楚</b>", Now)));
        Assert.Equal("Demand_ReasonInvalid", Code(() => demand.Return(Reviewer, new string('因', 501), Now)));

        demand.Return(Reviewer, "  请补充现有设备情况  ", Now);
        Assert.Equal((DemandStatus.Returned, "请补充现有设备情况", Now), (demand.Status, demand.ReturnReason, demand.ReturnedAt));
        Assert.Equal(AuditActions.DemandReturned, demand.AuditAction);

        demand.Edit(Details() with { ExistingBasis = "中频感应炉 3 台" }, Today, Now);
        Assert.Equal((DemandStatus.Returned, "请补充现有设备情况"), (demand.Status, demand.ReturnReason));
        Assert.Equal(AuditActions.DemandEdited, demand.AuditAction);

        demand.Submit(true, Today, Now);
        Assert.Equal((DemandStatus.Submitted, (string?)null, "中频感应炉 3 台"), (demand.Status, demand.ReturnReason, demand.ExistingBasis));
        Assert.Null(demand.ReturnedAt);
    }

    [Theory]
    [InlineData(DemandStatus.Submitted)]
    [InlineData(DemandStatus.Published)]
    [InlineData(DemandStatus.Expired)]
    [InlineData(DemandStatus.Closed)]
    public void OnlyDraftsAndReturnedDemandsCanBeEdited(DemandStatus status)
    {
        var demand = InStatus(status);

        Assert.Equal("Demand_NotEditable", Code(() => demand.Edit(Details() with { Title = "改过的标题" }, Today, Now)));
        Assert.NotEqual("改过的标题", demand.Title);
    }

    [Theory]
    [InlineData(DemandStatus.Submitted)]
    [InlineData(DemandStatus.Published)]
    [InlineData(DemandStatus.Closed)]
    public void OnlyDraftsAndReturnedDemandsCanBeSubmitted(DemandStatus status) =>
        Assert.Equal("Demand_NotSubmittable", Code(() => InStatus(status).Submit(true, Today, Now)));

    [Fact]
    public void ADraftWhoseValidityHasPassedCannotBeSubmitted()
    {
        var demand = NewDemand(Details() with { ValidUntil = Today.AddDays(3) });

        Assert.Equal("Demand_ValidUntilNotFuture", Code(() => demand.Submit(true, Today.AddDays(3), Now)));
        Assert.Equal(DemandStatus.Draft, demand.Status);
    }

    [Theory]
    [InlineData(DemandStatus.Draft)]
    [InlineData(DemandStatus.Returned)]
    [InlineData(DemandStatus.Published)]
    public void OnlySubmittedDemandsAreDecided(DemandStatus status)
    {
        var demand = InStatus(status);

        Assert.Equal("Demand_NotSubmitted", Code(() => demand.Approve(Reviewer, Today, Now)));
        Assert.Equal("Demand_NotSubmitted", Code(() => demand.Return(Reviewer, "原因", Now)));
        Assert.Equal(status, demand.Status);
    }

    [Fact]
    public void ADemandWhoseDatesPassedDuringReviewIsNotPublished()
    {
        var demand = NewDemand(Details() with { ValidUntil = Today.AddDays(5), ExpectedCompletion = Today.AddDays(2) });
        demand.Submit(true, Today, Now);

        Assert.Equal("Demand_ExpectedCompletionPast", Code(() => demand.Approve(Reviewer, Today.AddDays(3), Now)));
        Assert.Equal("Demand_ValidUntilNotFuture", Code(() => NewDemandSubmittedValidUntil(Today.AddDays(5)).Approve(Reviewer, Today.AddDays(5), Now)));
        Assert.Equal(DemandStatus.Submitted, demand.Status);
    }

    [Fact]
    public void APublicationAfterAReturnIsDatedByItsApproval()
    {
        var demand = Submitted();
        demand.Return(Reviewer, "请补充指标", Now);
        demand.Submit(true, Today, Now.AddDays(1));
        demand.Approve(Reviewer, Today, Now.AddDays(2));

        Assert.Equal(Now.AddDays(2), demand.PublishedAt);
    }

    [Fact]
    public void APublishedDemandExpiresTheDayAfterItsLastDay()
    {
        var demand = Published();
        var lastDay = demand.ValidUntil;

        Assert.False(demand.IsExpired(lastDay));
        Assert.False(demand.ExpireIfDue(lastDay, Now));
        Assert.Equal(DemandStatus.Published, demand.Status);

        Assert.True(demand.IsExpired(lastDay.AddDays(1)));
        Assert.True(demand.ExpireIfDue(lastDay.AddDays(1), Now.AddDays(200)));
        Assert.Equal((DemandStatus.Expired, Now.AddDays(200)), (demand.Status, demand.ExpiredAt));
        Assert.Equal(AuditActions.DemandExpired, demand.AuditAction);
        Assert.True(demand.IsExpired(lastDay));
        Assert.False(demand.ExpireIfDue(lastDay.AddDays(2), Now.AddDays(201)));
    }

    [Theory]
    [InlineData(DemandStatus.Draft)]
    [InlineData(DemandStatus.Submitted)]
    [InlineData(DemandStatus.Returned)]
    [InlineData(DemandStatus.Closed)]
    public void OnlyPublishedDemandsExpire(DemandStatus status)
    {
        var demand = InStatus(status);
        var longAfter = demand.ValidUntil.AddYears(1);

        Assert.False(demand.IsExpired(longAfter));
        Assert.False(demand.ExpireIfDue(longAfter, Now));
        Assert.Equal(status, demand.Status);
    }

    [Fact]
    public void RenewingAnExpiredDemandPublishesItAgainWithoutReview()
    {
        var demand = Published();
        var today = demand.ValidUntil.AddDays(10);
        demand.ExpireIfDue(today, Now);
        var renewedAt = Now.AddDays(200);

        demand.Renew(today.AddMonths(3), expectedCompletion: today.AddMonths(4), smeMayPublish: true, today, renewedAt);

        Assert.Equal(DemandStatus.Published, demand.Status);
        Assert.Equal((today.AddMonths(3), today.AddMonths(4)), (demand.ValidUntil, demand.ExpectedCompletion));
        Assert.Equal(renewedAt, demand.RenewedAt);
        Assert.Null(demand.ExpiredAt);
        Assert.Equal(Now, demand.PublishedAt);
        Assert.Equal(AuditActions.DemandRenewed, demand.AuditAction);
        Assert.False(demand.IsExpired(today));
    }

    [Fact]
    public void RenewingAPublishedDemandMustMoveItsLastDayLater()
    {
        var demand = Published();
        var current = demand.ValidUntil;

        Assert.Equal("Demand_RenewalMustExtend", Code(() => demand.Renew(current, null, true, Today, Now)));
        Assert.Equal("Demand_RenewalMustExtend", Code(() => demand.Renew(current.AddDays(-1), null, true, Today, Now)));
        demand.Renew(current.AddDays(1), null, true, Today, Now);
        Assert.Equal(current.AddDays(1), demand.ValidUntil);
    }

    [Fact]
    public void RenewalFollowsTheValidityRules()
    {
        var demand = Published();

        Assert.Equal("Demand_ValidUntilNotFuture", Code(() => demand.Renew(Today, null, true, Today, Now)));
        Assert.Equal("Demand_ValidUntilTooFar", Code(() => demand.Renew(Today.AddMonths(12).AddDays(1), null, true, Today, Now)));
        Assert.Equal("Demand_ExpectedCompletionPast", Code(() => demand.Renew(Today.AddMonths(7), Today.AddDays(-1), true, Today, Now)));
        Assert.Equal("Demand_SmeNotVerified", Code(() => demand.Renew(Today.AddMonths(7), null, false, Today, Now)));
    }

    [Fact]
    public void RenewalNeedsANewExpectedCompletionWhenTheOldOneHasPassed()
    {
        var demand = Published();
        var today = demand.ExpectedCompletion!.Value.AddDays(1);
        demand.ExpireIfDue(today, Now);

        Assert.Equal("Demand_ExpectedCompletionPast", Code(() => demand.Renew(today.AddMonths(2), null, true, today, Now)));
        demand.Renew(today.AddMonths(2), today.AddMonths(3), true, today, Now);
        Assert.Equal(DemandStatus.Published, demand.Status);
    }

    [Theory]
    [InlineData(DemandStatus.Draft)]
    [InlineData(DemandStatus.Submitted)]
    [InlineData(DemandStatus.Returned)]
    [InlineData(DemandStatus.Closed)]
    public void OnlyPublishedOrExpiredDemandsAreRenewed(DemandStatus status) =>
        Assert.Equal("Demand_NotRenewable", Code(() => InStatus(status).Renew(Today.AddMonths(7), null, true, Today, Now)));

    [Theory]
    [InlineData(DemandStatus.Published, DemandCloseReason.SolvedHere)]
    [InlineData(DemandStatus.Expired, DemandCloseReason.SolvedElsewhere)]
    [InlineData(DemandStatus.Published, DemandCloseReason.GaveUp)]
    public void APublishedOrExpiredDemandIsClosedWithAReason(DemandStatus status, DemandCloseReason reason)
    {
        var demand = InStatus(status);

        demand.Close(reason, "  与河北示范理工大学签订许可合同  ", Now);

        Assert.Equal((DemandStatus.Closed, reason, "与河北示范理工大学签订许可合同", Now), (demand.Status, demand.CloseReason, demand.CloseNote, demand.ClosedAt));
        Assert.Equal(AuditActions.DemandClosed, demand.AuditAction);
    }

    [Fact]
    public void ClosingForAnotherReasonNeedsAPlainNote()
    {
        var demand = Published();

        Assert.Equal("Demand_CloseNoteRequired", Code(() => demand.Close(DemandCloseReason.Other, " ", Now)));
        Assert.Equal("Demand_CloseNoteInvalid", Code(() => demand.Close(DemandCloseReason.Other, new string('说', 501), Now)));
        Assert.Equal("Demand_CloseNoteInvalid", Code(() => demand.Close(DemandCloseReason.GaveUp, "<script>x</script>", Now)));
        Assert.Equal("Demand_CloseReasonRequired", Code(() => demand.Close((DemandCloseReason)7, null, Now)));
        Assert.Equal(DemandStatus.Published, demand.Status);

        demand.Close(DemandCloseReason.Other, "企业转产", Now);
        Assert.Equal(DemandStatus.Closed, demand.Status);
    }

    [Theory]
    [InlineData(DemandStatus.Draft)]
    [InlineData(DemandStatus.Submitted)]
    [InlineData(DemandStatus.Returned)]
    [InlineData(DemandStatus.Closed)]
    public void OnlyPublishedOrExpiredDemandsAreClosed(DemandStatus status) =>
        Assert.Equal("Demand_NotClosable", Code(() => InStatus(status).Close(DemandCloseReason.GaveUp, null, Now)));

    [Theory]
    [InlineData(DemandStatus.Draft)]
    [InlineData(DemandStatus.Submitted)]
    [InlineData(DemandStatus.Returned)]
    public void ADemandNeverPublishedIsWithdrawn(DemandStatus status)
    {
        var demand = InStatus(status);

        demand.Withdraw(DemandCloseReason.SolvedElsewhere, null, Now);

        Assert.Equal((DemandStatus.Closed, DemandCloseReason.SolvedElsewhere), (demand.Status, demand.CloseReason));
        Assert.Null(demand.PublishedAt);
        Assert.Equal(AuditActions.DemandWithdrawn, demand.AuditAction);
    }

    [Fact]
    public void AWithdrawnDemandCannotHaveBeenSolvedHere()
    {
        var demand = NewDemand();

        Assert.Equal("Demand_WithdrawnNotSolvedHere", Code(() => demand.Withdraw(DemandCloseReason.SolvedHere, null, Now)));
        Assert.Equal(DemandStatus.Draft, demand.Status);
    }

    [Theory]
    [InlineData(DemandStatus.Published)]
    [InlineData(DemandStatus.Expired)]
    [InlineData(DemandStatus.Closed)]
    public void APublishedDemandIsClosedNotWithdrawn(DemandStatus status) =>
        Assert.Equal("Demand_NotWithdrawable", Code(() => InStatus(status).Withdraw(DemandCloseReason.GaveUp, null, Now)));

    [Fact]
    public void CurrentDetailsRoundTripThroughTheRules()
    {
        var demand = NewDemand();

        Assert.Empty(demand.CurrentDetails.Validate(Today));
        Assert.Equal(demand.Targets, demand.CurrentDetails.Targets);
        Assert.Equal(new DemandBudget(false, 50m, 120m), demand.CurrentDetails.Budget);
    }

    private static Demand NewDemandSubmittedValidUntil(DateOnly validUntil)
    {
        var demand = NewDemand(Details() with { ValidUntil = validUntil, ExpectedCompletion = null });
        demand.Submit(true, Today, Now);
        return demand;
    }

    private static Demand InStatus(DemandStatus status)
    {
        switch (status)
        {
            case DemandStatus.Draft:
                return NewDemand();
            case DemandStatus.Submitted:
                return Submitted();
            case DemandStatus.Returned:
                var returned = Submitted();
                returned.Return(Reviewer, "请补充", Now);
                return returned;
            case DemandStatus.Published:
                return Published();
            case DemandStatus.Expired:
                var expired = Published();
                Assert.True(expired.ExpireIfDue(expired.ValidUntil.AddDays(1), Now));
                return expired;
            default:
                var closed = Published();
                closed.Close(DemandCloseReason.GaveUp, null, Now);
                return closed;
        }
    }
}
