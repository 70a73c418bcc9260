using PatentTransfer.Domain.Demands;
using static PatentTransfer.Domain.Tests.Demands.DemandSamples;

namespace PatentTransfer.Domain.Tests.Demands;

public class DemandDetailsTests
{
    private static IReadOnlyList<DemandRuleError> Errors(DemandDetails details) => details.Validate(Today);

    private static void AssertOnly(DemandDetails details, string field, string code) =>
        Assert.Equal([new DemandRuleError(field, code)], Errors(details));

    [Fact]
    public void TheSampleDemandBreaksNoRule() => Assert.Empty(Errors(Details()));

    [Theory]
    [InlineData("", "TitleRequired")]
    [InlineData("   ", "TitleRequired")]
    [InlineData("<b>求购</b>耐磨材料", "Markup")]
    public void TitleIsRequiredAndPlain(string title, string code) => AssertOnly(Details() with { Title = title }, "Title", code);

    [Fact]
    public void TitleIsAtMostOneHundredCharacters()
    {
        Assert.Empty(Errors(Details() with { Title = new string('材', 100) }));
        AssertOnly(Details() with { Title = new string('材', 101) }, "Title", "TitleTooLong");
    }

    [Fact]
    public void IndustryIsRequired() => AssertOnly(Details() with { IndustryCode = " " }, "IndustryCode", "IndustryRequired");

    [Theory]
    [InlineData("C22")]
    [InlineData("c22c")]
    [InlineData("C22C 38/04")]
    [InlineData("C22C38/00")]
    [InlineData(null)]
    [InlineData("")]
    public void IpcHintMayBeAClassSubclassOrGroupOrNothing(string? hint) => Assert.Empty(Errors(Details() with { IpcHint = hint }));

    [Theory]
    [InlineData("C")]
    [InlineData("耐磨材料")]
    [InlineData("C22C38")]
    [InlineData("Z01B1/00")]
    public void IpcHintOfAnotherShapeIsRefused(string hint) => AssertOnly(Details() with { IpcHint = hint }, "IpcHint", "IpcHintInvalid");

    [Fact]
    public void IpcHintIsNormalisedToTheTablesSpelling()
    {
        Assert.True(DemandDetails.TryNormaliseIpcHint(" c22c 0038／04 ", out var symbol));
        Assert.Equal("C22C38/04", symbol);
        Assert.True(DemandDetails.TryNormaliseIpcHint("ｃ２２ｃ", out symbol));
        Assert.Equal("C22C", symbol);
    }

    [Fact]
    public void KeywordsAreAtMostTenOfTwentyCharacters()
    {
        Assert.Empty(Errors(Details() with { Keywords = [.. Enumerable.Range(0, 10).Select(i => $"关键词{i}")] }));
        AssertOnly(Details() with { Keywords = [.. Enumerable.Range(0, 11).Select(i => $"关键词{i}")] }, "Keywords", "KeywordsInvalid");
        AssertOnly(Details() with { Keywords = [new string('词', 21)] }, "Keywords", "KeywordsInvalid");
        AssertOnly(Details() with { Keywords = ["<script>x</script>"] }, "Keywords", "KeywordsInvalid");
    }

    [Fact]
    public void DescriptionIsBetweenTwentyAndTenThousandCharacters()
    {
        AssertOnly(Details() with { Description = "  " }, "Description", "DescriptionRequired");
        AssertOnly(Details() with { Description = "衬板不耐磨" }, "Description", "DescriptionTooShort");
        Assert.Empty(Errors(Details() with { Description = new string('述', 10_000) }));
        AssertOnly(Details() with { Description = new string('述', 10_001) }, "Description", "DescriptionTooLong");
        AssertOnly(Details() with { Description = new string('述', 20_000) }, "Description", "DescriptionTooLong");
    }

    [Fact]
    public void DescriptionMayCompareQuantitiesButNotCarryHtml()
    {
        Assert.Empty(Errors(Details() with { Description = "要求含水率<5%，且 0<粒径≤2mm 的颗粒占比>90%，现有工艺达不到。" }));
        AssertOnly(Details() with { Description = "现有衬板寿命短，详情见附件<script>alert(1)</script>说明。" }, "Description", "Markup");
        AssertOnly(Details() with { Description = "现有衬板寿命短，<img src=x onerror=alert(1)> 希望改进材料。" }, "Description", "Markup");
        AssertOnly(Details() with { ExistingBasis = "<iframe src=//evil.example></iframe>" }, "ExistingBasis", "Markup");
        AssertOnly(Details() with { TargetScene = "<a href=\"javascript:alert(1)\">点击</a>" }, "TargetScene", "Markup");
    }

    [Fact]
    public void ExistingBasisAndTargetSceneHaveTheirLimits()
    {
        AssertOnly(Details() with { ExistingBasis = new string('备', 2_001) }, "ExistingBasis", "ExistingBasisTooLong");
        AssertOnly(Details() with { TargetScene = new string('景', 1_001) }, "TargetScene", "TargetSceneTooLong");
        Assert.Empty(Errors(Details() with { ExistingBasis = null, TargetScene = " " }));
    }

    [Theory]
    [InlineData(DemandType.TechnicalProblem, true)]
    [InlineData(DemandType.TechnologyImport, true)]
    [InlineData(DemandType.JointRnD, true)]
    [InlineData(DemandType.LicenceWanted, false)]
    [InlineData(DemandType.Talent, false)]
    public void TechnologyDemandsNeedAtLeastOneTarget(DemandType type, bool needed)
    {
        var errors = Errors(Details() with { Type = type, Targets = [] });

        Assert.Equal(needed, DemandDetails.NeedsTargets(type));
        Assert.Equal(needed ? [new DemandRuleError("Targets", "TargetsRequired")] : [], errors);
    }

    [Theory]
    [InlineData(DemandType.TechnicalProblem)]
    [InlineData(DemandType.TechnologyImport)]
    [InlineData(DemandType.JointRnD)]
    public void ADemandCarriedOverFromAnotherPlatformKeepsItsFormWithoutTargetsOrALongDescription(DemandType type)
    {
        var asPostedElsewhere = Details() with { Type = type, Targets = [], Description = "喷漆工艺智能化改造" };

        Assert.Empty(asPostedElsewhere.Validate(Today, carriedOver: true));
        Assert.Equal(
            [new DemandRuleError("Description", "DescriptionTooShort"), new DemandRuleError("Targets", "TargetsRequired")],
            asPostedElsewhere.Validate(Today));
    }

    [Fact]
    public void ADemandCarriedOverStillFollowsEveryOtherRule()
    {
        var details = Details() with
        {
            Description = " ",
            Targets = [new DemandTarget("", TargetComparator.AtLeast, 5m, null, "%")],
            ValidUntil = Today,
        };

        Assert.Equal(
            [
                new DemandRuleError("Description", "DescriptionRequired"),
                new DemandRuleError("Targets[0]", "TargetIndicatorRequired"),
                new DemandRuleError("ValidUntil", "ValidUntilNotFuture"),
            ],
            details.Validate(Today, carriedOver: true));
        Assert.Equal([new DemandRuleError("Description", "Markup")],
            (Details() with { Description = "现有工艺<script>alert(1)</script>不稳定" }).Validate(Today, carriedOver: true));
    }

    [Fact]
    public void AnEmptyTargetRowIsRefusedNotDropped()
    {
        var targets = new[] { Details().Targets[0], new DemandTarget("", TargetComparator.AtLeast, null, null, " ") };

        AssertOnly(Details() with { Targets = targets }, "Targets[1]", "TargetEmpty");
    }

    public static TheoryData<DemandTarget, string> BadTargets => new()
    {
        { new DemandTarget(" ", TargetComparator.AtLeast, 67m, null, "J"), "TargetIndicatorRequired" },
        { new DemandTarget(new string('指', 51), TargetComparator.AtLeast, 67m, null, "J"), "TargetIndicatorInvalid" },
        { new DemandTarget("<b>韧性</b>", TargetComparator.AtLeast, 67m, null, "J"), "TargetIndicatorInvalid" },
        { new DemandTarget("冲击韧性", TargetComparator.AtLeast, null, null, "J"), "TargetValueRequired" },
        { new DemandTarget("硬度", TargetComparator.Between, 55m, null, "HRC"), "TargetRangeInvalid" },
        { new DemandTarget("硬度", TargetComparator.Between, 55m, 45m, "HRC"), "TargetRangeInvalid" },
        { new DemandTarget("硬度", TargetComparator.Between, 55m, 55m, "HRC"), "TargetRangeInvalid" },
        { new DemandTarget("冲击韧性", TargetComparator.AtLeast, 67m, null, new string('单', 21)), "TargetUnitInvalid" },
        { new DemandTarget("冲击韧性", (TargetComparator)99, 67m, null, "J"), "TargetValueRequired" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public void EachTargetRowIsCheckedAndNamedByItsPosition(DemandTarget target, string code) =>
        AssertOnly(Details() with { Targets = [Details().Targets[0], target] }, "Targets[1]", code);

    [Fact]
    public void NegativeValuesAndUnitlessTargetsAreFine() =>
        Assert.Empty(Errors(Details() with { Targets = [new DemandTarget("工作温度", TargetComparator.Between, -40m, 85m, "℃"), new DemandTarget("良品率", TargetComparator.AtLeast, 0.995m, null, null)] }));

    [Fact]
    public void AtMostTwentyTargets()
    {
        var targets = Enumerable.Range(0, 21).Select(i => new DemandTarget($"指标{i}", TargetComparator.AtLeast, i, null, null)).ToList();

        AssertOnly(Details() with { Targets = targets }, "Targets", "TooManyTargets");
        Assert.Empty(Errors(Details() with { Targets = targets[..20] }));
    }

    [Fact]
    public void BudgetIsARangeOrABoundOrNegotiable()
    {
        Assert.Empty(Errors(Details() with { Budget = DemandBudget.NegotiableBudget }));
        Assert.Empty(Errors(Details() with { Budget = new DemandBudget(false, 0m, 0m) }));
        Assert.Empty(Errors(Details() with { Budget = new DemandBudget(false, null, 80m) }));
        Assert.Empty(Errors(Details() with { Budget = new DemandBudget(false, 30m, null) }));
        Assert.Empty(Errors(Details() with { Budget = new DemandBudget(true, 500m, 1m) }));
        AssertOnly(Details() with { Budget = new DemandBudget(false, null, null) }, "Budget", "BudgetRequired");
    }

    [Fact]
    public void BudgetMinimumCannotExceedItsMaximum() =>
        AssertOnly(Details() with { Budget = new DemandBudget(false, 120m, 50m) }, "Budget", "BudgetMinAboveMax");

    [Fact]
    public void BudgetAmountsAreNonNegativeWithTwoDecimalsAndBounded()
    {
        AssertOnly(Details() with { Budget = new DemandBudget(false, -1m, 50m) }, "BudgetMin", "BudgetNegative");
        AssertOnly(Details() with { Budget = new DemandBudget(false, 1m, -50m) }, "BudgetMax", "BudgetNegative");
        AssertOnly(Details() with { Budget = new DemandBudget(false, 1.234m, 50m) }, "BudgetMin", "BudgetAmountInvalid");
        AssertOnly(Details() with { Budget = new DemandBudget(false, 1m, 1_000_000.01m) }, "BudgetMax", "BudgetAmountInvalid");
        Assert.Empty(Errors(Details() with { Budget = new DemandBudget(false, 0.01m, 1_000_000m) }));
    }

    [Fact]
    public void AtLeastOneModeIsRequired()
    {
        AssertOnly(Details() with { Modes = [] }, "Modes", "ModeRequired");
        AssertOnly(Details() with { Modes = [(DemandMode)42] }, "Modes", "ModeRequired");
        Assert.Empty(Errors(Details() with { PaymentPreferences = [] }));
        AssertOnly(Details() with { PaymentPreferences = [(PaymentPreference)9] }, "PaymentPreferences", "PaymentInvalid");
    }

    [Fact]
    public void ExpectedCompletionIsOptionalButNotInThePastNorBeyondTenYears()
    {
        Assert.Empty(Errors(Details() with { ExpectedCompletion = null }));
        Assert.Empty(Errors(Details() with { ExpectedCompletion = Today }));
        AssertOnly(Details() with { ExpectedCompletion = Today.AddDays(-1) }, "ExpectedCompletion", "ExpectedCompletionPast");
        AssertOnly(Details() with { ExpectedCompletion = Today.AddYears(10).AddDays(1) }, "ExpectedCompletion", "ExpectedCompletionTooFar");
    }

    [Fact]
    public void ValidityEndsAfterTodayAndAtMostTwelveMonthsAhead()
    {
        AssertOnly(Details() with { ValidUntil = null }, "ValidUntil", "ValidUntilRequired");
        AssertOnly(Details() with { ValidUntil = Today }, "ValidUntil", "ValidUntilNotFuture");
        AssertOnly(Details() with { ValidUntil = Today.AddDays(-30) }, "ValidUntil", "ValidUntilNotFuture");
        Assert.Empty(Errors(Details() with { ValidUntil = Today.AddDays(1) }));
        Assert.Empty(Errors(Details() with { ValidUntil = Today.AddMonths(12) }));
        AssertOnly(Details() with { ValidUntil = Today.AddMonths(12).AddDays(1) }, "ValidUntil", "ValidUntilTooFar");
    }

    [Theory]
    [InlineData("", "ContactName", "ContactNameRequired")]
    [InlineData("<script>x</script>", "ContactName", "ContactNameInvalid")]
    public void ContactNameIsRequiredAndPlain(string name, string field, string code) =>
        AssertOnly(Details() with { Contact = Details().Contact with { Name = name } }, field, code);

    [Theory]
    [InlineData("", "ContactPhoneRequired")]
    [InlineData("1381234567", "ContactPhoneInvalid")]
    [InlineData("12812345678", "ContactPhoneInvalid")]
    [InlineData("138123456789", "ContactPhoneInvalid")]
    [InlineData("电话 138", "ContactPhoneInvalid")]
    public void ContactPhoneMustBeAMainlandNumber(string phone, string code) =>
        AssertOnly(Details() with { Contact = Details().Contact with { Phone = phone } }, "ContactPhone", code);

    [Theory]
    [InlineData("zhang@")]
    [InlineData("zhang@example")]
    [InlineData("<a>@example.com")]
    public void ContactEmailIsOptionalButWellFormed(string email)
    {
        Assert.Empty(Errors(Details() with { Contact = Details().Contact with { Email = null } }));
        AssertOnly(Details() with { Contact = Details().Contact with { Email = email } }, "ContactEmail", "ContactEmailInvalid");
    }

    [Fact]
    public void EveryBrokenRuleIsReportedAtOnceInFormOrder()
    {
        var details = Details() with
        {
            Title = "",
            Description = "短",
            Targets = [new DemandTarget("", TargetComparator.AtLeast, null, null, null)],
            Budget = new DemandBudget(false, 9m, 1m),
            Modes = [],
            ValidUntil = Today,
            Contact = new DemandContact("", "123", null),
        };

        Assert.Equal(
            ["Title", "Description", "Targets[0]", "Budget", "Modes", "ValidUntil", "ContactName", "ContactPhone"],
            Errors(details).Select(e => e.Field));
    }

    [Fact]
    public void ConfidentialityDecidesTheHallAndTheName()
    {
        Assert.True(DemandConfidentiality.Public.IsInPublicHall());
        Assert.True(DemandConfidentiality.Public.DisclosesSme());
        Assert.True(DemandConfidentiality.Anonymised.IsInPublicHall());
        Assert.False(DemandConfidentiality.Anonymised.DisclosesSme());
        Assert.False(DemandConfidentiality.PlatformOnly.IsInPublicHall());
        Assert.False(DemandConfidentiality.PlatformOnly.DisclosesSme());
    }
}
