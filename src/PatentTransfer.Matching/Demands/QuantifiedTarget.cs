namespace PatentTransfer.Matching.Demands;

/// <summary>
/// One quantified target of a technology demand (DOMAIN.md §5), e.g. "堆积密度≥1.80克/立方厘米" read as
/// (堆积密度, AtLeast, 1.80, null, 克/立方厘米).
/// </summary>
/// <param name="Indicator">What is measured: the clause before the comparison with connectives, list numbering and
/// verbs such as 控制在 or 降至 taken off, qualifiers kept ("100/120粒度的抗冲击韧性", not "抗冲击韧性": the grit size
/// is part of the target). At most <see cref="MaxIndicatorLength"/> characters, the end kept.</param>
/// <param name="Comparator">One of <see cref="TargetComparator"/>'s names, the portal's enum names.</param>
/// <param name="Value">The number, or the low end of a <see cref="TargetComparator.Between"/> range.</param>
/// <param name="UpperValue">The high end of a range; null for every other comparator.</param>
/// <param name="Unit">The unit as written with full-width forms folded ("%", "℃", "g/cm3", "克/立方厘米", "万元");
/// null when the text gives none (ratios such as "强屈比≥1.26"). At most <see cref="MaxUnitLength"/>
/// characters.</param>
/// <param name="SourceText">The original text the target was read from, indicator to unit.</param>
public sealed record QuantifiedTarget(
    string Indicator,
    string Comparator,
    decimal Value,
    decimal? UpperValue,
    string? Unit,
    string SourceText)
{
    public const int MaxIndicatorLength = 50;

    public const int MaxUnitLength = 20;
}

/// <summary>
/// The comparator names of <see cref="QuantifiedTarget.Comparator"/>. They are the names of the portal's target
/// comparator enum; the matching project has no reference to the domain, so they travel as strings.
/// </summary>
public static class TargetComparator
{
    public const string AtLeast = nameof(AtLeast);
    public const string AtMost = nameof(AtMost);
    public const string Equal = nameof(Equal);
    public const string GreaterThan = nameof(GreaterThan);
    public const string LessThan = nameof(LessThan);
    public const string Between = nameof(Between);

    public static IReadOnlyList<string> All { get; } = [AtLeast, AtMost, Equal, GreaterThan, LessThan, Between];
}
