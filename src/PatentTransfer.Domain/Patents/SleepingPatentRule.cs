using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Domain.Patents;

/// <summary>
/// The published criteria of a "sleeping" patent (docs/DOMAIN.md §3, docs/decisions/0009-sleeping-patents.md):
/// a valid granted patent, held by one of <see cref="HolderTypes"/>, with no sign of use (transfer, licence,
/// pledge, self-implementation) for <see cref="YearsWithoutUse"/> years since grant or since the last use.
/// </summary>
public sealed record SleepingPatentRule
{
    public static SleepingPatentRule Default { get; } = new();

    public int YearsWithoutUse { get; init; } = 3;

    public IReadOnlyList<OrganisationType> HolderTypes { get; init; } =
        [OrganisationType.University, OrganisationType.ResearchInstitute, OrganisationType.StateOwnedEnterprise];

    public SleepingAssessment Assess(Patent patent, OrganisationType holderType, DateOnly today) =>
        Assess(patent.StatusOn(today), patent.GrantDate, patent.LegalEvents, holderType, today);

    public SleepingAssessment Assess(LegalStatus status, DateOnly? grantDate, IEnumerable<LegalEvent> events, OrganisationType holderType, DateOnly today)
    {
        var lastUse = events.Where(e => e.IsUse && e.Date <= today).MaxBy(e => e.Date);
        var quietSince = lastUse?.Date ?? grantDate;
        var quietYears = quietSince is { } since ? WholeYearsBetween(since, today) : 0;
        var isValid = status == LegalStatus.Valid && grantDate is not null;
        var holderQualifies = HolderTypes.Contains(holderType);
        var quietLongEnough = quietSince is not null && quietYears >= YearsWithoutUse;
        return new SleepingAssessment(isValid && holderQualifies && quietLongEnough, isValid, holderQualifies, grantDate, lastUse, quietYears, YearsWithoutUse);
    }

    private static int WholeYearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }
}

/// <summary>Why a patent counts as sleeping, or which criterion it misses: every fact the page shows.</summary>
public sealed record SleepingAssessment(
    bool IsSleeping,
    bool IsValid,
    bool HolderQualifies,
    DateOnly? GrantDate,
    LegalEvent? LastUse,
    int YearsWithoutUse,
    int RequiredYears);
