using System.Globalization;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Matching.Recommend;

/// <summary>The evidence a recommendation's score is made of. The published ranking criteria list the same.</summary>
public enum MatchFactorKind
{
    /// <summary>The demand's words in the patent's texts (BM25, relative to the best candidate).</summary>
    Text,

    /// <summary>The patent's IPC classes against the technical field the SME chose.</summary>
    Ipc,

    /// <summary>Same industry as the demand.</summary>
    Industry,

    /// <summary>The listing offers a mode the SME accepts, or none of them.</summary>
    Modes,

    /// <summary>Asking price against the SME's budget.</summary>
    Price,

    /// <summary>Free licence for SMEs.</summary>
    Free,

    /// <summary>"Use first, pay later" offered where the SME asked for it.</summary>
    PayLater,

    /// <summary>Open licence declared: a licence on published terms, at once.</summary>
    OpenLicence,

    /// <summary>A sleeping patent: waking these is the plan's aim.</summary>
    Sleeping,

    /// <summary>Years of protection left.</summary>
    RemainingTerm,

    /// <summary>Invention patent (examined) or utility model.</summary>
    PatentType,

    /// <summary>Same city, Hebei, or 京津冀.</summary>
    Region,

    /// <summary>Has a published listing: the SME can act on it now.</summary>
    Listed,
}

/// <summary>One factor's part of a recommendation's score; <see cref="Detail"/> carries the figures it was judged on.</summary>
public sealed record MatchFactor(MatchFactorKind Kind, double Contribution, string Detail);

/// <summary>
/// The weight of each structured factor. Text relevance counts 1 for the best candidate and proportionally less for
/// the others; the structured factors add or take away fractions of that, so they re-order patents of similar
/// relevance but never lift an unrelated patent above a relevant one. The published criteria page shows these numbers.
/// </summary>
public sealed record MatchWeights
{
    public double Text { get; init; } = 1.0;

    /// <summary>Full weight for the same main group; subclass 0.7, class 0.4, section 0.1 of it.</summary>
    public double Ipc { get; init; } = 0.15;

    public double Industry { get; init; } = 0.06;

    public double Modes { get; init; } = 0.04;

    /// <summary>Within budget: full; over it: minus up to the full weight as the excess reaches the budget again.</summary>
    public double Price { get; init; } = 0.06;

    public double Free { get; init; } = 0.05;

    public double PayLater { get; init; } = 0.04;

    public double OpenLicence { get; init; } = 0.04;

    public double Sleeping { get; init; } = 0.03;

    /// <summary>Less than two years left: minus the full weight; two to five: minus half.</summary>
    public double RemainingTerm { get; init; } = 0.05;

    public double PatentType { get; init; } = 0.02;

    /// <summary>Same city full, elsewhere in Hebei half, Beijing or Tianjin a quarter.</summary>
    public double Region { get; init; } = 0.03;

    public double Listed { get; init; } = 0.03;
}

/// <summary>Scores a candidate's structured fit to a demand, factor by factor (see <see cref="MatchWeights"/>).</summary>
public static class MatchFit
{
    private const string HebeiProvince = "13";
    private static readonly string[] NeighbourProvinces = ["11", "12"];

    /// <summary>
    /// The structured factors that apply (a factor the demand gives no facts for, or that is neutral, is left out).
    /// </summary>
    public static IReadOnlyList<MatchFactor> Factors(DemandProfile demand, PatentFacts patent, MatchWeights weights, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(patent);
        ArgumentNullException.ThrowIfNull(weights);
        var factors = new List<MatchFactor>();
        AddIpc(factors, demand, patent, weights);
        if (demand.IndustryCode is { Length: > 0 } industry && string.Equals(industry, patent.IndustryCode, StringComparison.Ordinal))
        {
            factors.Add(new(MatchFactorKind.Industry, weights.Industry, industry));
        }

        if (patent.IsListed && demand.AcceptedModes.Count > 0 && patent.OfferedModes.Count > 0)
        {
            var shared = patent.OfferedModes.Intersect(demand.AcceptedModes, StringComparer.Ordinal).ToList();
            factors.Add(shared.Count > 0
                ? new(MatchFactorKind.Modes, weights.Modes, string.Join(' ', shared))
                : new(MatchFactorKind.Modes, -weights.Modes, ""));
        }

        AddPrice(factors, demand, patent, weights);
        if (patent.FreeForSmes)
        {
            factors.Add(new(MatchFactorKind.Free, weights.Free, ""));
        }

        if (patent.PayLater && demand.PrefersPayLater)
        {
            factors.Add(new(MatchFactorKind.PayLater, weights.PayLater, ""));
        }

        if (patent.OpenLicence)
        {
            factors.Add(new(MatchFactorKind.OpenLicence, weights.OpenLicence, ""));
        }

        if (patent.IsSleeping)
        {
            factors.Add(new(MatchFactorKind.Sleeping, weights.Sleeping, ""));
        }

        AddRemainingTerm(factors, patent, weights, today);
        if (string.Equals(patent.PatentType, "Invention", StringComparison.Ordinal))
        {
            factors.Add(new(MatchFactorKind.PatentType, weights.PatentType, "Invention"));
        }

        AddRegion(factors, demand, patent, weights);
        if (patent.IsListed)
        {
            factors.Add(new(MatchFactorKind.Listed, weights.Listed, ""));
        }

        return factors;
    }

    /// <summary>How close two IPC symbols are: 1 same main group, 0.7 subclass, 0.4 class, 0.1 section, 0 none.</summary>
    public static double IpcProximity(string hint, string code)
    {
        var a = IpcCodes.Normalise(hint);
        var b = IpcCodes.Normalise(code);
        if (a.Length == 0 || b.Length == 0 || a[0] != b[0])
        {
            return 0;
        }

        var groupA = a.Split('/')[0];
        var groupB = b.Split('/')[0];
        if (groupA.Length > 4 && groupA == groupB)
        {
            return 1;
        }

        if (a.Length >= 4 && b.Length >= 4 && a[..4] == b[..4])
        {
            // A hint given only as a subclass ("H01M") matches a patent's group in it fully.
            return groupA.Length == 4 ? 1 : 0.7;
        }

        if (a.Length >= 3 && b.Length >= 3 && a[..3] == b[..3])
        {
            return a.Length == 3 ? 1 : 0.4;
        }

        return a.Length == 1 ? 1 : 0.1;
    }

    private static void AddIpc(List<MatchFactor> factors, DemandProfile demand, PatentFacts patent, MatchWeights weights)
    {
        if (demand.IpcHints.Count == 0 || patent.IpcCodes.Count == 0)
        {
            return;
        }

        var best = (Proximity: 0.0, Code: "");
        foreach (var hint in demand.IpcHints)
        {
            foreach (var code in patent.IpcCodes)
            {
                var proximity = IpcProximity(hint, code);
                if (proximity > best.Proximity)
                {
                    best = (proximity, code);
                }
            }
        }

        if (best.Proximity > 0)
        {
            factors.Add(new(MatchFactorKind.Ipc, weights.Ipc * best.Proximity, best.Code));
        }
    }

    private static void AddPrice(List<MatchFactor> factors, DemandProfile demand, PatentFacts patent, MatchWeights weights)
    {
        if (patent.Price is not { } price || demand.BudgetMax is not { } max || patent.FreeForSmes)
        {
            return;
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{price:0.##}/{max:0.##}");
        if (price <= max)
        {
            factors.Add(new(MatchFactorKind.Price, weights.Price, detail));
            return;
        }

        // Over budget: the further over, the larger the deduction, up to the full weight at twice the budget.
        var excess = max <= 0 ? 1.0 : Math.Min(1.0, (double)((price - max) / max));
        factors.Add(new(MatchFactorKind.Price, -weights.Price * Math.Max(excess, 0.25), detail));
    }

    private static void AddRemainingTerm(List<MatchFactor> factors, PatentFacts patent, MatchWeights weights, DateOnly today)
    {
        if (patent.ExpiryDate is not { } expiry)
        {
            return;
        }

        var years = (expiry.DayNumber - today.DayNumber) / 365.25;
        var detail = years.ToString("0.0", CultureInfo.InvariantCulture);
        if (years < 2)
        {
            factors.Add(new(MatchFactorKind.RemainingTerm, -weights.RemainingTerm, detail));
        }
        else if (years < 5)
        {
            factors.Add(new(MatchFactorKind.RemainingTerm, -weights.RemainingTerm / 2, detail));
        }
    }

    private static void AddRegion(List<MatchFactor> factors, DemandProfile demand, PatentFacts patent, MatchWeights weights)
    {
        if (demand.CityCode is not { Length: >= 2 } city || patent.CityCode is not { Length: >= 2 } holderCity)
        {
            return;
        }

        if (city == holderCity)
        {
            factors.Add(new(MatchFactorKind.Region, weights.Region, holderCity));
        }
        else if (holderCity.StartsWith(HebeiProvince, StringComparison.Ordinal) && city.StartsWith(HebeiProvince, StringComparison.Ordinal))
        {
            factors.Add(new(MatchFactorKind.Region, weights.Region / 2, holderCity));
        }
        else if (NeighbourProvinces.Any(p => holderCity.StartsWith(p, StringComparison.Ordinal)))
        {
            factors.Add(new(MatchFactorKind.Region, weights.Region / 4, holderCity));
        }
    }
}
