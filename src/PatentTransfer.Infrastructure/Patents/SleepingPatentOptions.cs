using System.ComponentModel.DataAnnotations;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Infrastructure.Patents;

/// <summary>
/// The published criteria of a sleeping patent (section "SleepingPatents"); docs/decisions/0009-sleeping-patents.md
/// explains the defaults. Changing them changes what the portal calls sleeping everywhere, and the patent page says why.
/// </summary>
public sealed class SleepingPatentOptions
{
    public const string Section = "SleepingPatents";

    [Range(1, 20)]
    public int YearsWithoutUse { get; set; } = SleepingPatentRule.Default.YearsWithoutUse;

    [MinLength(1)]
    public List<OrganisationType> HolderTypes { get; set; } = [.. SleepingPatentRule.Default.HolderTypes];

    public SleepingPatentRule ToRule() => new() { YearsWithoutUse = YearsWithoutUse, HolderTypes = HolderTypes.Distinct().ToList() };
}
