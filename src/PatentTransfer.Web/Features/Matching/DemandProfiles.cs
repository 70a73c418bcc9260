using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Web.Features.Demands;

namespace PatentTransfer.Web.Features.Matching;

/// <summary>How a demand is put to the matching engine (decision 0017).</summary>
public static class DemandProfiles
{
    /// <summary>The catch-all industry: sharing it says nothing about two records.</summary>
    private const string OtherIndustry = "other";

    /// <summary>
    /// The demand's texts and the facts the engine weighs. The text is what the SME wants solved: the description, the
    /// quantified targets and the target product or scene; its existing equipment and team describe the SME rather than
    /// the technology and are left out. Budget in 万元 becomes yuan; "negotiable" leaves both bounds empty.
    /// </summary>
    public static DemandProfile Of(Demand demand, string? cityCode)
    {
        ArgumentNullException.ThrowIfNull(demand);
        IEnumerable<string?> parts = [demand.Description, .. demand.Targets.Select(DemandTexts.Target), demand.TargetScene];
        return new DemandProfile(demand.Title, string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p))))
        {
            Keywords = demand.Keywords,
            IpcHints = demand.IpcHint is { Length: > 0 } ipc ? [ipc] : [],
            IndustryCode = demand.IndustryCode is { Length: > 0 } industry && industry != OtherIndustry ? industry : null,
            AcceptedModes = [.. AcceptedModes(demand.Modes).Select(m => m.ToString())],
            BudgetMin = demand.BudgetNegotiable ? null : Yuan(demand.BudgetMinWan),
            BudgetMax = demand.BudgetNegotiable ? null : Yuan(demand.BudgetMaxWan),
            PrefersPayLater = demand.PaymentPreferences.Contains(PaymentPreference.PayLater),
            CityCode = cityCode,
        };
    }

    /// <summary>
    /// The listing modes that give the SME what it asked for: buying is a transfer, a licence any of the three
    /// licences, equity an equity contribution. Joint R&amp;D is not something a listing offers, so it accepts none; a
    /// demand that only wants joint R&amp;D has no preference among listings.
    /// </summary>
    public static IReadOnlyList<OfferMode> AcceptedModes(IEnumerable<DemandMode> modes) =>
    [
        .. modes.SelectMany(mode => mode switch
        {
            DemandMode.Buy => [OfferMode.Transfer],
            DemandMode.Licence => [OfferMode.ExclusiveLicence, OfferMode.SoleLicence, OfferMode.OrdinaryLicence],
            DemandMode.Equity => [OfferMode.Equity],
            _ => (OfferMode[])[],
        }).Distinct().Order(),
    ];

    private static decimal? Yuan(decimal? wan) => wan * 10_000m;
}
