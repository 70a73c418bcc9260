using System.Globalization;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Web.Features.Reference;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.Matching;

/// <summary>
/// Turns the engine's factors into what the SME reads: which variant of a factor applied (<see cref="Explain"/>,
/// culture-neutral, in the service) and how it is worded (<see cref="Label"/>, <see cref="Amount"/>,
/// <see cref="Detail"/>, in the reader's language). Only the engine's public factors are read; a detail the engine
/// words differently one day is shown as it comes rather than misread.
/// </summary>
public static class MatchExplanation
{
    private const string HebeiProvince = "13";

    /// <summary>The variant of <paramref name="factor"/> and the figures its explanation names.</summary>
    public static ExplainedFactor Explain(MatchFactor factor, DemandProfile demand, MatchWeights weights, int matchedWords)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(weights);
        var detail = factor.Detail ?? "";
        (FactorVariant Variant, IReadOnlyList<string> Figures) explained = factor.Kind switch
        {
            MatchFactorKind.Text => (FactorVariant.Text,
            [
                matchedWords.ToString(CultureInfo.InvariantCulture),
                (weights.Text > 0 ? factor.Contribution / weights.Text * 100 : 0).ToString("0", CultureInfo.InvariantCulture),
            ]),
            MatchFactorKind.Ipc => (IpcVariant(detail, demand.IpcHints), [detail, string.Join(' ', demand.IpcHints)]),
            MatchFactorKind.Industry => (FactorVariant.Industry, [detail]),
            MatchFactorKind.Modes => factor.Contribution > 0
                ? (FactorVariant.ModesShared, detail.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                : (FactorVariant.ModesNone, []),
            MatchFactorKind.Price => (factor.Contribution > 0 ? FactorVariant.PriceWithin : FactorVariant.PriceOver,
                detail.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            MatchFactorKind.Free => (FactorVariant.Free, []),
            MatchFactorKind.PayLater => (FactorVariant.PayLater, []),
            MatchFactorKind.OpenLicence => (FactorVariant.OpenLicence, []),
            MatchFactorKind.Sleeping => (FactorVariant.Sleeping, []),
            MatchFactorKind.RemainingTerm => (FactorVariant.RemainingTerm, [detail]),
            MatchFactorKind.PatentType => (FactorVariant.Invention, []),
            MatchFactorKind.Region => (RegionVariant(detail, demand.CityCode), [detail]),
            MatchFactorKind.Listed => (FactorVariant.Listed, []),
            _ => (FactorVariant.Unknown, [factor.Kind.ToString(), detail]),
        };
        return new ExplainedFactor(factor.Kind, explained.Variant, factor.Contribution, explained.Figures);
    }

    /// <summary>"同一IPC小类", "超出预算"…</summary>
    public static string Label(ExplainedFactor factor) =>
        factor.Variant == FactorVariant.Unknown ? (factor.Figures.Count > 0 ? factor.Figures[0] : "") : Texts.Get("MatchFactor_" + factor.Variant);

    /// <summary>Text relevance as a plain share ("0.82"); every other factor signed ("+0.11", "−0.03").</summary>
    public static string Amount(ExplainedFactor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        var magnitude = Number(Math.Abs(factor.Contribution));
        return factor.Variant == FactorVariant.Text ? magnitude : (factor.Contribution < 0 ? "−" : "+") + magnitude;
    }

    /// <summary>The chip: label and amount.</summary>
    public static string Chip(ExplainedFactor factor) => Label(factor) + " " + Amount(factor);

    /// <summary>
    /// The figures behind a factor in a sentence, e.g. "本专利的分类 C22C38/04 与需求的技术领域 C22C 属同一小类。". Every
    /// factor reads alike from either side except text relevance, which is a share of the best patent for a demand's
    /// reader and of the best demand for a patent's holder (<paramref name="direction"/>).
    /// </summary>
    public static string Detail(ExplainedFactor factor, ReferenceDataService.Snapshot? reference, MatchDirection direction = MatchDirection.PatentsForDemand)
    {
        ArgumentNullException.ThrowIfNull(factor);
        var f = factor.Figures;
        var template = Texts.Get("MatchFactorDetail_" + factor.Variant
            + (factor.Variant == FactorVariant.Text && direction == MatchDirection.DemandsForPatent ? "_ForPatent" : ""));
        return factor.Variant switch
        {
            FactorVariant.Text when f.Count == 2 => Texts.Format(template, f[0], f[1]),
            FactorVariant.IpcGroup or FactorVariant.IpcSubclass or FactorVariant.IpcClass or FactorVariant.IpcSection when f.Count == 2 =>
                Texts.Format(template, f[0], f[1]),
            FactorVariant.Industry when f.Count == 1 => Texts.Format(template, IndustryName(f[0], reference)),
            FactorVariant.ModesShared => Texts.Format(template, string.Join("、", f.Select(ModeName))),
            FactorVariant.PriceWithin or FactorVariant.PriceOver when f.Count == 2 => Texts.Format(template, Money(f[0]), Money(f[1])),
            FactorVariant.RemainingTerm when f.Count == 1 => Texts.Format(template, f[0]),
            FactorVariant.SameCity or FactorVariant.Hebei when f.Count == 1 => Texts.Format(template, CityName(f[0], reference)),
            FactorVariant.Unknown => string.Join(" ", f),
            FactorVariant.ModesNone or FactorVariant.Free or FactorVariant.PayLater or FactorVariant.OpenLicence or FactorVariant.Sleeping
                or FactorVariant.Invention or FactorVariant.Neighbour or FactorVariant.Listed => template,

            // Figures the engine worded in a way this page does not know: show them as they are.
            _ => Label(factor) + "：" + string.Join(" ", f),
        };
    }

    /// <summary>Two decimals; three when two would show a factor that counts as nothing.</summary>
    public static string Number(double value)
    {
        var text = value.ToString("0.00", CultureInfo.InvariantCulture);
        return text == "0.00" && value != 0 ? value.ToString("0.000", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>A matched word as its chip shows it: the word, or for a near-synonym "挖掘机≈挖机" (the patent's ≈ the demand's).</summary>
    public static string Word(MatchedTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.DemandWord is null ? term.Text : term.Text + "≈" + term.DemandWord;
    }

    /// <summary>What hovering a matched word's chip tells: its share of the text relevance, and for a synonym which word of the demand it stands for.</summary>
    public static string WordDetail(MatchedTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.DemandWord is null
            ? Texts.Format(Texts.Get("Recommendation_WordShare"), term.Text, Share(term.Share))
            : Texts.Format(Texts.Get("Recommendation_SynonymShare"), term.Text, term.DemandWord, Share(term.Share));
    }

    /// <summary>A share as a whole percentage, "35%" (a matched word's share of the text score, the relevance floor).</summary>
    public static string Share(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>How close the patent's class and the SME's field are, named by the IPC level they share.</summary>
    private static FactorVariant IpcVariant(string code, IReadOnlyList<string> hints)
    {
        var patent = NormaliseIpc(code);
        var best = FactorVariant.IpcSection;
        foreach (var hint in hints.Select(NormaliseIpc).Where(h => h.Length > 0 && patent.Length > 0 && h[0] == patent[0]))
        {
            var level = hint.Contains('/', StringComparison.Ordinal) && hint.Split('/')[0] == patent.Split('/')[0] ? FactorVariant.IpcGroup
                : hint.Length >= 4 && patent.Length >= 4 && hint[..4] == patent[..4] ? FactorVariant.IpcSubclass
                : hint.Length >= 3 && patent.Length >= 3 && hint[..3] == patent[..3] ? FactorVariant.IpcClass
                : FactorVariant.IpcSection;
            best = level < best ? level : best;
        }

        return best;
    }

    private static FactorVariant RegionVariant(string holderCity, string? demandCity) =>
        holderCity == demandCity ? FactorVariant.SameCity
        : holderCity.StartsWith(HebeiProvince, StringComparison.Ordinal) ? FactorVariant.Hebei
        : FactorVariant.Neighbour;

    private static string NormaliseIpc(string code) => code.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string ModeName(string mode) => Enum.TryParse<OfferMode>(mode, out var parsed) ? Texts.Enum(parsed) : mode;

    private static string Money(string yuan) =>
        decimal.TryParse(yuan, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? Texts.Money(amount) : yuan;

    private static string IndustryName(string code, ReferenceDataService.Snapshot? reference) =>
        reference?.Industries.FirstOrDefault(i => i.Code == code) is { } industry ? ReferenceDataService.IndustryName(industry) : code;

    private static string CityName(string code, ReferenceDataService.Snapshot? reference) =>
        reference?.Regions.GetValueOrDefault(code) is { } region ? ReferenceDataService.RegionName(region) : code;
}
