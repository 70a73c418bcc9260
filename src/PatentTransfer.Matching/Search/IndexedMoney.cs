namespace PatentTransfer.Matching.Search;

/// <summary>
/// Amounts of money as the indexes store them: whole fen (0.01 yuan) in a 64-bit number, so that range filters
/// are exact on whole numbers whatever unit the portal states an amount in (yuan for patent prices, 万元 for
/// demand budgets).
/// </summary>
internal static class IndexedMoney
{
    public const long FenPerYuan = 100;
    public const long FenPerWanYuan = 1_000_000;

    /// <summary>An amount stated in a unit worth <paramref name="fenPerUnit"/> fen, to the nearest fen.</summary>
    public static long ToFen(decimal amount, long fenPerUnit) =>
        decimal.ToInt64(decimal.Round(amount * fenPerUnit, MidpointRounding.AwayFromZero));

    /// <summary>
    /// A range bound in whole fen, rounded inwards (<see cref="MidpointRounding.ToPositiveInfinity"/> for a lower
    /// bound, <see cref="MidpointRounding.ToNegativeInfinity"/> for an upper one) so that an inclusive bound of
    /// 100.005 yuan never admits 100.01, and clamped so that no bound overflows.
    /// </summary>
    public static long Bound(decimal amount, long fenPerUnit, MidpointRounding direction)
    {
        var largest = long.MaxValue / (decimal)fenPerUnit;
        var clamped = Math.Clamp(amount, -largest, largest);
        return decimal.ToInt64(decimal.Round(clamped * fenPerUnit, 0, direction));
    }
}
