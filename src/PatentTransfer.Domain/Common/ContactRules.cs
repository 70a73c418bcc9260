using System.Text.RegularExpressions;

namespace PatentTransfer.Domain.Common;

/// <summary>Formats of the contact details people type into forms: mainland phone numbers and e-mail addresses.</summary>
public static partial class ContactRules
{
    public const int EmailMaxLength = 256;

    /// <summary>
    /// A mainland mobile number (11 digits from 13–19, typed with spaces, hyphens or +86 as people do:
    /// "+86 138-1234-5678" → "13812345678") or a landline with its area code ("0311-87654321", extension
    /// "-123" allowed). False for anything else.
    /// </summary>
    public static bool TryNormalisePhone(string? input, out string phone)
    {
        phone = string.Empty;
        var text = Text.NormaliseInput(input).Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return false;
        }

        var digits = text.Replace("-", "", StringComparison.Ordinal);
        foreach (var prefix in (ReadOnlySpan<string>)["+86", "0086"])
        {
            if (digits.StartsWith(prefix, StringComparison.Ordinal))
            {
                digits = digits[prefix.Length..];
                break;
            }
        }

        if (MobilePattern().IsMatch(digits))
        {
            phone = digits;
            return true;
        }

        if (LandlinePattern().IsMatch(text))
        {
            phone = text;
            return true;
        }

        return false;
    }

    /// <summary>An address as the HTML standard defines a valid e-mail address, with a dot in the domain.</summary>
    public static bool IsEmail(string? input)
    {
        var text = Text.NormaliseInput(input);
        return text.Length is > 0 and <= EmailMaxLength && EmailPattern().IsMatch(text);
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LandlinePattern();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
