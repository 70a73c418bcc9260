namespace PatentTransfer.Domain.Patents;

/// <summary>The three kinds of Chinese patent right (专利法 art. 2).</summary>
public enum PatentType
{
    Invention,
    UtilityModel,
    Design,
}

public static class PatentTerms
{
    /// <summary>Designs filed from this day on have 15 years of protection, earlier ones 10 (专利法 2020 amendment).</summary>
    public static readonly DateOnly DesignFifteenYearsFrom = new(2021, 6, 1);

    public static int ProtectionYears(PatentType type, DateOnly filingDate) => type switch
    {
        PatentType.Invention => 20,
        PatentType.UtilityModel => 10,
        PatentType.Design => filingDate >= DesignFifteenYearsFrom ? 15 : 10,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// The last day of protection: the term runs from the filing date, so a patent filed on 2021-03-15 with 20
    /// years is protected up to and including 2041-03-14.
    /// </summary>
    public static DateOnly LastDayOfProtection(PatentType type, DateOnly filingDate) =>
        filingDate.AddYears(ProtectionYears(type, filingDate)).AddDays(-1);
}
