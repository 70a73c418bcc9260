using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Domain.Tests;

public class OrganisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Later = Now.AddDays(2);
    private static readonly Guid Reviewer = Guid.Parse("0198a3c2-0000-7000-8000-000000000001");
    private static readonly CreditCode Code = CreditCode.Parse(ValidCode("91130104MA0000001"));

    private static string ValidCode(string first17) => first17 + CreditCode.ComputeCheckCharacter(first17);

    private static Organisation NewOrganisation(
        string name = "石家庄恒锐精密机械有限公司",
        OrganisationType type = OrganisationType.PrivateEnterprise,
        EnterpriseSize? size = EnterpriseSize.Small) =>
        new(name, type, size, Code, "130104", "equipment", Now);

    private static Organisation InStatus(OrganisationStatus status)
    {
        var organisation = NewOrganisation();
        switch (status)
        {
            case OrganisationStatus.Verified:
                organisation.Verify(Reviewer, Now);
                break;
            case OrganisationStatus.Rejected:
                organisation.Reject(Reviewer, "营业执照模糊", Now);
                break;
        }

        return organisation;
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Fact]
    public void NewOrganisationIsPendingAndSubmitted()
    {
        var organisation = NewOrganisation();

        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
        Assert.Equal(AuditActions.OrganisationSubmitted, organisation.AuditAction);
        Assert.Equal(Now, organisation.SubmittedAt);
        Assert.Equal(Now, organisation.CreatedAt);
        Assert.Null(organisation.ReviewedAt);
        Assert.Null(organisation.ReviewedByUserId);
        Assert.Null(organisation.RejectionReason);
        Assert.False(organisation.IsDemo);
        Assert.False(organisation.CanPublish);
        Assert.Equal(Code, organisation.CreditCode);
        Assert.Equal("130104", organisation.RegionCode);
        Assert.Equal("equipment", organisation.IndustryCode);
        Assert.NotEqual(Guid.Empty, organisation.Id);
    }

    [Fact]
    public void DemoFlagIsKept()
    {
        var organisation = new Organisation("河北示范理工大学", OrganisationType.University, null, Code, "130602", null, Now, isDemo: true);

        Assert.True(organisation.IsDemo);
    }

    [Fact]
    public void VerifyFromPendingRecordsTheReviewer()
    {
        var organisation = NewOrganisation();

        organisation.Verify(Reviewer, Later);

        Assert.Equal(OrganisationStatus.Verified, organisation.Status);
        Assert.Equal(Reviewer, organisation.ReviewedByUserId);
        Assert.Equal(Later, organisation.ReviewedAt);
        Assert.Null(organisation.RejectionReason);
        Assert.Equal(AuditActions.OrganisationVerified, organisation.AuditAction);
        Assert.True(organisation.CanPublish);
    }

    [Fact]
    public void RejectFromPendingKeepsTheNormalisedReason()
    {
        var organisation = NewOrganisation();

        organisation.Reject(Reviewer, "  营业执照 \t 与名称不一致  ", Later);

        Assert.Equal(OrganisationStatus.Rejected, organisation.Status);
        Assert.Equal("营业执照 与名称不一致", organisation.RejectionReason);
        Assert.Equal(Reviewer, organisation.ReviewedByUserId);
        Assert.Equal(Later, organisation.ReviewedAt);
        Assert.Equal(AuditActions.OrganisationRejected, organisation.AuditAction);
        Assert.False(organisation.CanPublish);
    }

    [Theory]
    [InlineData(OrganisationStatus.Verified, true)]
    [InlineData(OrganisationStatus.Verified, false)]
    [InlineData(OrganisationStatus.Rejected, true)]
    [InlineData(OrganisationStatus.Rejected, false)]
    public void ReviewOutsidePendingIsRefused(OrganisationStatus status, bool verify)
    {
        var organisation = InStatus(status);
        var reviewedAt = organisation.ReviewedAt;

        var error = Assert.Throws<DomainRuleException>(() =>
        {
            if (verify)
            {
                organisation.Verify(Guid.NewGuid(), Later);
            }
            else
            {
                organisation.Reject(Guid.NewGuid(), "再次驳回", Later);
            }
        });

        Assert.Equal("Organisation.NotPending", error.Code);
        Assert.Equal(status, organisation.Status);
        Assert.Equal(reviewedAt, organisation.ReviewedAt);
        Assert.Equal(Reviewer, organisation.ReviewedByUserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\u3000")]
    [InlineData("\t\n")]
    public void RejectNeedsAReason(string reason)
    {
        var organisation = NewOrganisation();

        var error = Assert.Throws<DomainRuleException>(() => organisation.Reject(Reviewer, reason, Later));

        Assert.Equal("Organisation.ReasonRequired", error.Code);
        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
        Assert.Null(organisation.ReviewedAt);
    }

    [Theory]
    [InlineData("驳")]
    [InlineData("😀")]
    [InlineData("a")]
    public void RejectAcceptsAReasonOfFiveHundredCharacters(string unit)
    {
        var organisation = NewOrganisation();
        var reason = Repeat(unit, Organisation.ReasonMaxLength);

        organisation.Reject(Reviewer, reason, Later);

        Assert.Equal(reason, organisation.RejectionReason);
    }

    [Theory]
    [InlineData("驳")]
    [InlineData("😀")]
    [InlineData("a")]
    public void RejectRefusesAReasonLongerThanFiveHundredCharacters(string unit)
    {
        var organisation = NewOrganisation();

        var error = Assert.Throws<DomainRuleException>(() => organisation.Reject(Reviewer, Repeat(unit, Organisation.ReasonMaxLength + 1), Later));

        Assert.Equal("Organisation.ReasonTooLong", error.Code);
        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
    }

    [Theory]
    [InlineData("请看 <a href=\"https://evil.example\">这里</a>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("javascript:alert(1)")]
    public void RejectRefusesMarkupInTheReason(string reason)
    {
        var organisation = NewOrganisation();

        var error = Assert.Throws<DomainRuleException>(() => organisation.Reject(Reviewer, reason, Later));

        Assert.Equal("Text.Markup", error.Code);
        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
        Assert.Null(organisation.RejectionReason);
    }

    [Theory]
    [InlineData("甲")]
    [InlineData("  乙  ")]
    [InlineData("")]
    [InlineData("\u3000")]
    public void NameShorterThanTwoCharactersIsRefused(string name)
    {
        var error = Assert.Throws<DomainRuleException>(() => NewOrganisation(name));

        Assert.Equal("Organisation.NameLength", error.Code);
    }

    [Fact]
    public void NameOfTwoCharactersIsAccepted()
    {
        Assert.Equal("华为", NewOrganisation("华为").Name);
    }

    [Theory]
    [InlineData("公")]
    [InlineData("🏭")]
    [InlineData("A")]
    public void NameOfOneHundredCharactersIsAcceptedAndOneMoreIsRefused(string unit)
    {
        Assert.Equal(Repeat(unit, Organisation.NameMaxLength), NewOrganisation(Repeat(unit, Organisation.NameMaxLength)).Name);

        var error = Assert.Throws<DomainRuleException>(() => NewOrganisation(Repeat(unit, Organisation.NameMaxLength + 1)));
        Assert.Equal("Organisation.NameLength", error.Code);
    }

    [Theory]
    [InlineData("<b>石家庄</b>科技有限公司")]
    [InlineData("石家庄科技<script>有限公司")]
    [InlineData("石家庄<img src=x onerror=alert(1)>公司")]
    public void NameWithMarkupIsRefused(string name)
    {
        var error = Assert.Throws<DomainRuleException>(() => NewOrganisation(name));

        Assert.Equal("Text.Markup", error.Code);
    }

    [Theory]
    [InlineData("  石家庄   恒锐  科技有限公司 ", "石家庄 恒锐 科技有限公司")]
    [InlineData("ＡＢＣ１２３科技有限公司", "ABC123科技有限公司")]
    [InlineData("河北\u3000\u3000示范\t\n大学", "河北 示范 大学")]
    public void NameIsNormalised(string typed, string stored)
    {
        Assert.Equal(stored, NewOrganisation(typed).Name);
    }

    [Theory]
    [InlineData(OrganisationType.PrivateEnterprise)]
    [InlineData(OrganisationType.StateOwnedEnterprise)]
    public void EnterprisesMustStateTheirSize(OrganisationType type)
    {
        var error = Assert.Throws<DomainRuleException>(() => NewOrganisation(type: type, size: null));

        Assert.Equal("Organisation.SizeRequired", error.Code);
        Assert.Equal(EnterpriseSize.Large, NewOrganisation(type: type, size: EnterpriseSize.Large).Size);
    }

    [Theory]
    [InlineData(OrganisationType.University)]
    [InlineData(OrganisationType.ResearchInstitute)]
    [InlineData(OrganisationType.ServiceAgency)]
    [InlineData(OrganisationType.FinancialInstitution)]
    [InlineData(OrganisationType.Government)]
    public void OtherTypesHaveNoSize(OrganisationType type)
    {
        var error = Assert.Throws<DomainRuleException>(() => NewOrganisation(type: type, size: EnterpriseSize.Small));

        Assert.Equal("Organisation.SizeNotApplicable", error.Code);
        Assert.Null(NewOrganisation(type: type, size: null).Size);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RegionIsRequired(string regionCode)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Organisation("河北示范科技有限公司", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, Code, regionCode, null, Now));

        Assert.Equal("Organisation.RegionRequired", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankIndustryIsStoredAsNone(string? industryCode)
    {
        var organisation = new Organisation("河北示范科技有限公司", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, Code, "130104", industryCode, Now);

        Assert.Null(organisation.IndustryCode);
    }

    [Fact]
    public void CorrectingAVerifiedOrganisationIsRefused()
    {
        var organisation = InStatus(OrganisationStatus.Verified);

        var error = Assert.Throws<DomainRuleException>(() =>
            organisation.Correct("新名称科技有限公司", OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, "130602", null, Later));

        Assert.Equal("Organisation.VerifiedIsFrozen", error.Code);
        Assert.Equal(OrganisationStatus.Verified, organisation.Status);
        Assert.Equal("石家庄恒锐精密机械有限公司", organisation.Name);
        Assert.Equal(EnterpriseSize.Small, organisation.Size);
        Assert.Equal(Now, organisation.SubmittedAt);
    }

    [Fact]
    public void CorrectingARejectedOrganisationSubmitsItAgain()
    {
        var organisation = InStatus(OrganisationStatus.Rejected);

        organisation.Correct(" 保定示范 科技有限公司 ", OrganisationType.StateOwnedEnterprise, EnterpriseSize.Large, "130602", "steel", Later);

        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
        Assert.Equal("保定示范 科技有限公司", organisation.Name);
        Assert.Equal(OrganisationType.StateOwnedEnterprise, organisation.Type);
        Assert.Equal(EnterpriseSize.Large, organisation.Size);
        Assert.Equal("130602", organisation.RegionCode);
        Assert.Equal("steel", organisation.IndustryCode);
        Assert.Equal(Later, organisation.SubmittedAt);
        Assert.Equal(Code, organisation.CreditCode);
        Assert.Equal(AuditActions.OrganisationResubmitted, organisation.AuditAction);
        Assert.False(organisation.CanPublish);

        // Resubmitted: it can be reviewed again.
        organisation.Verify(Reviewer, Later.AddHours(1));
        Assert.Equal(OrganisationStatus.Verified, organisation.Status);
        Assert.Null(organisation.RejectionReason);
    }

    [Fact]
    public void CorrectingAPendingOrganisationKeepsItPending()
    {
        var organisation = NewOrganisation();

        organisation.Correct("石家庄恒锐精密机械股份有限公司", OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, "130104", null, Later);

        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
        Assert.Equal("石家庄恒锐精密机械股份有限公司", organisation.Name);
        Assert.Equal(EnterpriseSize.Medium, organisation.Size);
        Assert.Null(organisation.IndustryCode);
        Assert.Equal(Later, organisation.SubmittedAt);
    }

    [Fact]
    public void InvalidCorrectionChangesNothing()
    {
        var organisation = InStatus(OrganisationStatus.Rejected);

        var error = Assert.Throws<DomainRuleException>(() =>
            organisation.Correct("新名称科技有限公司", OrganisationType.PrivateEnterprise, null, "130602", null, Later));

        Assert.Equal("Organisation.SizeRequired", error.Code);
        Assert.Equal(OrganisationStatus.Rejected, organisation.Status);
        Assert.Equal("石家庄恒锐精密机械有限公司", organisation.Name);
        Assert.Equal(EnterpriseSize.Small, organisation.Size);
        Assert.Equal("130104", organisation.RegionCode);
        Assert.Equal(Now, organisation.SubmittedAt);
        Assert.Equal(AuditActions.OrganisationRejected, organisation.AuditAction);
    }

    [Theory]
    [InlineData(OrganisationType.PrivateEnterprise, EnterpriseSize.Micro, true)]
    [InlineData(OrganisationType.PrivateEnterprise, EnterpriseSize.Small, true)]
    [InlineData(OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, true)]
    [InlineData(OrganisationType.PrivateEnterprise, EnterpriseSize.Large, false)]
    [InlineData(OrganisationType.StateOwnedEnterprise, EnterpriseSize.Micro, false)]
    [InlineData(OrganisationType.StateOwnedEnterprise, EnterpriseSize.Small, false)]
    [InlineData(OrganisationType.StateOwnedEnterprise, EnterpriseSize.Medium, false)]
    [InlineData(OrganisationType.StateOwnedEnterprise, EnterpriseSize.Large, false)]
    [InlineData(OrganisationType.University, null, false)]
    [InlineData(OrganisationType.ResearchInstitute, null, false)]
    [InlineData(OrganisationType.ServiceAgency, null, false)]
    [InlineData(OrganisationType.FinancialInstitution, null, false)]
    [InlineData(OrganisationType.Government, null, false)]
    public void OnlyPrivateMicroSmallAndMediumEnterprisesAreSmes(OrganisationType type, EnterpriseSize? size, bool isSme)
    {
        Assert.Equal(isSme, NewOrganisation(type: type, size: size).IsSme);
    }

    [Theory]
    [InlineData(OrganisationStatus.Pending, false)]
    [InlineData(OrganisationStatus.Verified, true)]
    [InlineData(OrganisationStatus.Rejected, false)]
    public void OnlyVerifiedOrganisationsCanPublish(OrganisationStatus status, bool canPublish)
    {
        Assert.Equal(canPublish, InStatus(status).CanPublish);
    }
}
