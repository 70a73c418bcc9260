namespace PatentTransfer.Testing;

/// <summary>
/// A clock that stands still until a test moves it, for rules that depend on the date (validity, expiry). Tests
/// against the running portal start it at the real time or later, so the portal's own background work on the real
/// clock never reaches the records they create.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>The real time in whole seconds, so instants read back from PostgreSQL (microseconds) compare equal.</summary>
    public static ManualClock StartingNow()
    {
        var now = System.GetUtcNow();
        return new(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void AdvanceDays(int days) => Advance(TimeSpan.FromDays(days));
}
