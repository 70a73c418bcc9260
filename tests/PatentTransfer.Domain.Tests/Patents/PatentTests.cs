using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Domain.Tests.Patents;

public class PatentTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    internal static PatentDetails Details(string number = "202110123456.7") => new(
        ApplicationNumber.Parse(number), null, "一种锂离子电池正极材料", "本发明公开了一种锂离子电池正极材料。", "1.一种正极材料，其特征在于……",
        IpcCode.Parse("H01M4/525"), [IpcCode.Parse("H01M10/0525")], null, [], ["张三", "李四"],
        new DateOnly(2021, 3, 15), new DateOnly(2021, 9, 1), new DateOnly(2022, 6, 10), LegalStatus.Valid, ["锂电池", "正极"], "new-energy");

    [Fact]
    public void ProtectionEndsTheDayBeforeTheAnniversaryOfFiling()
    {
        var patent = new Patent(Details(), Guid.NewGuid(), Today, Now);

        Assert.Equal(new DateOnly(2041, 3, 14), patent.LastDayOfProtection);
        Assert.Equal(PatentType.Invention, patent.Type);
        Assert.Equal(LegalStatus.Valid, patent.StatusOn(new DateOnly(2041, 3, 14)));
        Assert.Equal(LegalStatus.Expired, patent.StatusOn(new DateOnly(2041, 3, 15)));
    }

    [Theory]
    [InlineData(PatentType.UtilityModel, "2020-05-01", "2030-04-30")]
    [InlineData(PatentType.Design, "2021-05-31", "2031-05-30")]
    [InlineData(PatentType.Design, "2021-06-01", "2036-05-31")]
    public void TermsDependOnTypeAndForDesignsOnTheFilingDate(PatentType type, string filed, string lastDay)
    {
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture),
            PatentTerms.LastDayOfProtection(type, DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void GrantIsTheFirstEventOfTheTimeline()
    {
        var patent = new Patent(Details(), Guid.NewGuid(), Today, Now);
        patent.RecordLegalEvent(new LegalEvent(new DateOnly(2024, 3, 1), LegalEventType.LicenceRecorded, null), Today, Now);

        // The grant is the grant date, not a recorded event; the timeline shows it in its place.
        Assert.Equal([LegalEventType.LicenceRecorded], patent.LegalEvents.Select(e => e.Type));
        Assert.Equal(
            [new LegalEvent(new DateOnly(2022, 6, 10), LegalEventType.Grant, null), new LegalEvent(new DateOnly(2024, 3, 1), LegalEventType.LicenceRecorded, null)],
            patent.Timeline);
    }

    [Fact]
    public void AGrantRecordedAsAnEventIsNotShownTwice()
    {
        var granted = new LegalEvent(new DateOnly(2022, 6, 10), LegalEventType.Grant, "授权公告");

        Assert.Equal([granted], Patent.TimelineOf(new DateOnly(2022, 6, 10), [granted]));
        Assert.Empty(Patent.TimelineOf(null, []));
    }

    [Fact]
    public void EveryBrokenRuleIsReportedWithItsField()
    {
        var details = Details() with
        {
            Title = new string('长', 201),
            Abstract = " ",
            MainIpc = null,
            Locarno = LocarnoClassOf("12-08"),
            FilingDate = new DateOnly(2020, 1, 1),
            GrantDate = new DateOnly(2019, 1, 1),
            Inventors = ["<b>x</b>"],
        };

        var errors = details.Validate(Today);

        Assert.Equal(
            [
                new("Title", "TitleTooLong"), new("Abstract", "AbstractRequired"), new("MainIpc", "MainIpcRequired"),
                new("Locarno", "LocarnoOnlyForDesigns"), new("Inventors", "NamesInvalid"), new("FilingDate", "FilingYearMismatch"),
                new("GrantDate", "GrantDateOutOfRange"),
            ],
            errors);
    }

    [Fact]
    public void DesignsCarryALocarnoClassAndNoIpc()
    {
        var digits = "202130000001";
        var design = Details(digits + "." + ApplicationNumber.ComputeCheckCharacter(digits)) with { MainIpc = null, FurtherIpc = [], Locarno = LocarnoClassOf("12-08") };
        Assert.Empty(design.Validate(Today));

        var withIpc = design with { MainIpc = IpcCode.Parse("B60R1/00") };
        Assert.Equal([new PatentRuleError("MainIpc", "DesignHasNoIpc")], withIpc.Validate(Today));
    }

    [Fact]
    public void ClaimsMayCompareQuantitiesButNotCarryHtml()
    {
        var quantities = Details() with { Claims = "当100<TDS值≤200时，控温模块不启动；当TDS值>200时升高水温" };
        Assert.Empty(quantities.Validate(Today));

        var script = Details() with { Claims = "权利要求<script>alert(1)</script>" };
        Assert.Equal([new PatentRuleError("Claims", "Markup")], script.Validate(Today));
    }

    [Fact]
    public void TheAggregateRefusesInvalidDetailsAndAChangedNumber()
    {
        var refused = Assert.Throws<DomainRuleException>(() => new Patent(Details() with { Abstract = "" }, Guid.NewGuid(), Today, Now));
        Assert.Equal("Patent_AbstractRequired", refused.Code);

        var patent = new Patent(Details(), Guid.NewGuid(), Today, Now);
        var renumbered = Assert.Throws<DomainRuleException>(() => patent.Update(Details("201610311380.X"), Today, Now));
        Assert.Equal("Patent_NumberIsFixed", renumbered.Code);
    }

    [Theory]
    [InlineData(null, "一种近水平薄矿体开采方法，包括如下步骤", "〔摘要〕一种近水平薄矿体开采方法")]
    [InlineData("", "200一种管理车辆(600)的方法(200)和装置(500)。该方法包括", "〔摘要〕一种管理车辆(600)的方法(200)和装置(500)")]
    [InlineData(null, "本发明公开了一种水处理设备，其特征在于", "〔摘要〕一种水处理设备")]
    [InlineData("真实标题", "摘要", "真实标题")]
    public void APatentWithoutTitleShowsTheOpeningOfItsAbstractMarkedAsSuch(string? title, string @abstract, string expected)
    {
        Assert.Equal(expected, Patent.DisplayTitleOf(title, @abstract));
    }

    [Fact]
    public void LegalEventsChangeTheStatus()
    {
        var patent = new Patent(Details(), Guid.NewGuid(), Today, Now);

        patent.RecordLegalEvent(new LegalEvent(new DateOnly(2025, 9, 1), LegalEventType.LapseUnpaidFees, "未缴第4年年费"), Today, Now);

        Assert.Equal(LegalStatus.Lapsed, patent.Status);
        Assert.Throws<DomainRuleException>(() => patent.RecordLegalEvent(new LegalEvent(Today.AddDays(1), LegalEventType.Expiry, null), Today, Now));
    }

    private static LocarnoClass LocarnoClassOf(string value) => LocarnoClass.TryParse(value, out var code) ? code : throw new FormatException(value);
}

public class SleepingPatentRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateOnly Granted = new(2022, 6, 10);

    private static SleepingAssessment Assess(OrganisationType holder = OrganisationType.University, LegalStatus status = LegalStatus.Valid,
        DateOnly? granted = null, params LegalEvent[] events) =>
        SleepingPatentRule.Default.Assess(status, granted ?? Granted, events, holder, Today);

    [Fact]
    public void AValidUniversityPatentUnusedForThreeYearsSinceGrantSleeps()
    {
        var assessment = Assess();

        Assert.True(assessment.IsSleeping);
        Assert.Equal((4, 3, (LegalEvent?)null), (assessment.YearsWithoutUse, assessment.RequiredYears, assessment.LastUse));
    }

    [Theory]
    [InlineData(OrganisationType.PrivateEnterprise)]
    [InlineData(OrganisationType.ServiceAgency)]
    public void OnlyUniversitiesInstitutesAndStateOwnedEnterprisesHoldSleepingPatents(OrganisationType holder)
    {
        var assessment = Assess(holder);

        Assert.False(assessment.IsSleeping);
        Assert.False(assessment.HolderQualifies);
    }

    [Theory]
    [InlineData(LegalStatus.Lapsed)]
    [InlineData(LegalStatus.Pending)]
    [InlineData(LegalStatus.Expired)]
    public void OnlyValidPatentsSleep(LegalStatus status)
    {
        Assert.False(Assess(status: status).IsSleeping);
    }

    [Fact]
    public void ALicenceWithinThreeYearsWakesIt()
    {
        var assessment = Assess(events: new LegalEvent(new DateOnly(2024, 1, 5), LegalEventType.LicenceRecorded, null));

        Assert.False(assessment.IsSleeping);
        Assert.Equal(2, assessment.YearsWithoutUse);
        Assert.Equal(LegalEventType.LicenceRecorded, assessment.LastUse!.Type);
    }

    [Fact]
    public void ThreeFullYearsAreNeeded()
    {
        Assert.False(Assess(granted: new DateOnly(2023, 11, 26)).IsSleeping);
        Assert.True(Assess(granted: new DateOnly(2023, 11, 25)).IsSleeping);
    }

    [Fact]
    public void EventsThatAreNotUseDoNotWakeIt()
    {
        Assert.True(Assess(events: new LegalEvent(new DateOnly(2025, 1, 1), LegalEventType.OpenLicenceDeclared, null)).IsSleeping);
    }

    [Fact]
    public void ThePeriodIsConfigurable()
    {
        var rule = SleepingPatentRule.Default with { YearsWithoutUse = 5 };

        Assert.False(rule.Assess(LegalStatus.Valid, Granted, [], OrganisationType.University, Today).IsSleeping);
    }
}
