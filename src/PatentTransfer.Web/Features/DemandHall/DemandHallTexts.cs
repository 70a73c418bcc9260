using System.Globalization;
using PatentTransfer.Web.Features.Reference;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.DemandHall;

/// <summary>How the hall words the SME and parses what the address says.</summary>
public static class DemandHallTexts
{
    /// <summary>
    /// "某某科技有限公司 · 保定市" for a public demand; "保定市 · 小型企业" when the SME is not named — the city and size
    /// are all an anonymised demand tells of who posted it.
    /// </summary>
    public static string Sme(DemandHallSme sme, ReferenceDataService.Snapshot? reference)
    {
        var city = sme.CityCode is { } code && reference is not null && reference.Regions.TryGetValue(code, out var region)
            ? ReferenceDataService.RegionName(region)
            : null;
        string?[] parts = sme.Name is { } name
            ? [name, city]
            : [city, sme.Size is { } size ? Texts.Enum(size) : T.DemandHall_SmeSizeUnknown];
        return string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    /// <summary>
    /// An enum member named in the address ("Licence", case ignored), or null for anything else — a number or a list
    /// of names included, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would otherwise accept.
    /// </summary>
    public static TEnum? Member<TEnum>(string? text) where TEnum : struct, Enum =>
        !string.IsNullOrEmpty(text) && text.All(char.IsAsciiLetter) && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;

    /// <summary>A non-negative amount typed into the address, or null.</summary>
    public static decimal? Amount(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    public static bool Flag(string? text) => text is "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
}
