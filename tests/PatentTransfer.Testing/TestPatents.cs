using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Testing;

/// <summary>Patents and listings for tests: unique valid application numbers and plausible Chinese texts.</summary>
public static class TestPatents
{
    // Serials start at a random point so that test runs sharing a database never collide.
    private static int _serial = Random.Shared.Next(1_000_000, 8_000_000);

    /// <summary>A fresh application number of the given type digit (1 invention, 2 utility model, 3 design), with its check digit.</summary>
    public static ApplicationNumber NewNumber(int typeDigit = 1, int year = 2021)
    {
        var digits = $"{year}{typeDigit}{Interlocked.Increment(ref _serial) % 10_000_000:D7}";
        return ApplicationNumber.Parse(digits + "." + ApplicationNumber.ComputeCheckCharacter(digits));
    }

    /// <summary>A granted, valid invention with no use since grant: sleeping if its holder is a university, institute or SOE.</summary>
    public static PatentDetails Details(
        ApplicationNumber? number = null,
        string? title = "一种锂离子电池正极材料",
        string @abstract = "本发明公开了一种锂离子电池正极材料，其循环寿命长。",
        string? claims = "1.一种正极材料，其特征在于包覆层。",
        string mainIpc = "H01M4/00",
        DateOnly? grantDate = null,
        string? industry = "new-energy")
    {
        var n = number ?? NewNumber();
        return new PatentDetails(
            n, null, title, @abstract, claims, IpcCode.Parse(mainIpc), [IpcCode.Parse("H01M10/00")], null, [], ["张三", "李四"],
            new DateOnly(n.Year, 3, 15), null, grantDate ?? new DateOnly(2022, 6, 10), LegalStatus.Valid, ["正极"], industry);
    }

    public static Patent Create(Guid holderOrganisationId, PatentDetails? details = null, DateOnly? today = null) =>
        new(details ?? Details(), holderOrganisationId, today ?? new DateOnly(2026, 11, 25), DateTimeOffset.UtcNow);

    /// <summary>An ordinary licence for a lump sum, with technical service: valid for any granted patent.</summary>
    public static ListingTerms OrdinaryLicence(decimal lumpSum = 80_000m) => new(
        [OfferMode.OrdinaryLicence], PriceKind.LumpSum, lumpSum, null, null, FreeForSmes: false, PayLater: false, TrialMonths: null,
        TechnicalService: true, OpenLicence: false, HasEvaluationReport: false, CoOwnersConsent: false, Description: "可提供技术培训。");
}
