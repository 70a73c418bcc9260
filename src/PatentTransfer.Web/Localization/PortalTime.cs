using System.Globalization;

namespace PatentTransfer.Web.Localization;

/// <summary>Instants are stored in UTC and shown as Asia/Shanghai local time (UTC+8, no daylight saving).</summary>
public static class PortalTime
{
    private static readonly TimeZoneInfo Shanghai = FindShanghai();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Shanghai);

    /// <summary>Today's date in Hebei: dates of patents and deadlines are local dates.</summary>
    public static DateOnly Today(TimeProvider timeProvider) => DateOnly.FromDateTime(ToLocal(timeProvider.GetUtcNow()).DateTime);

    public static string Date(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset? instant) => instant is { } value ? DateTime(value) : "—";

    /// <summary>The UTC instant at which the given Shanghai calendar day starts.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Shanghai.BaseUtcOffset).ToUniversalTime();

    private static TimeZoneInfo FindShanghai()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Minimal container images may lack tzdata; China has used UTC+8 without DST since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
