using System.Globalization;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Web.Localization;

/// <summary>Texts looked up by a key built at run time (enum members, rule codes), with a visible fallback.</summary>
public static class Texts
{
    public static string Get(string key) =>
        SharedResource.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, format, args);

    /// <summary>"OrganisationType_University" → 高等院校 / University.</summary>
    public static string Enum<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Get($"{typeof(TEnum).Name}_{value}");

    public static string Role(string role) => Get($"Role_{role}");

    /// <summary>Yuan with two decimals and thousands separators: "50,000.00 元" / "CNY 50,000.00".</summary>
    public static string Money(decimal yuan) => Format(SharedResource.Money_Yuan, yuan.ToString("N2", CultureInfo.InvariantCulture));

    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The message for a refused business rule ("Organisation.NotPending" → key Rule_Organisation_NotPending).</summary>
    public static string Rule(string code) => Get("Rule_" + code.Replace('.', '_'));

    public static string Rule(DomainRuleException exception) => Rule(exception.Code);
}
