using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PatentTransfer.Domain.Common;

/// <summary>Rules for free text that users type into forms.</summary>
public static partial class Text
{
    // Every match of both patterns has a tag's "<", a script URL's ":" or an event handler's "=". Most text has none
    // of them, and a vectorised search for three characters is much cheaper than the patterns (imports check
    // hundreds of megabytes of abstracts and claims).
    private static readonly SearchValues<char> MarkupSigns = SearchValues.Create("<:=");

    /// <summary>
    /// True when the text contains something that looks like markup (a tag or a script/javascript: URL).
    /// Output is always encoded, so this is not an XSS defence; it keeps stored records clean and gives the
    /// user a clear message instead of silently storing markup that will show up as literal brackets.
    /// </summary>
    public static bool ContainsMarkup(string? value) =>
        !string.IsNullOrEmpty(value) && value.AsSpan().ContainsAny(MarkupSigns) && MarkupPattern().IsMatch(value);

    /// <summary>
    /// True when technical text contains real HTML (a known tag name followed by attributes or the tag's end) or a
    /// script URL. Claims and abstracts legitimately write "100<TDS值≤200" or "0<u≤2…b>0", which the stricter
    /// <see cref="ContainsMarkup"/> would refuse.
    /// </summary>
    public static bool ContainsHtml(string? value) =>
        !string.IsNullOrEmpty(value) && value.AsSpan().ContainsAny(MarkupSigns) && HtmlPattern().IsMatch(value);

    /// <summary>
    /// Folds full-width letters, digits and the symbols of codes and addresses (＠ － ．), which Chinese input
    /// methods produce ("９１１３…", "ＡＢＣ"), to half-width; trims; collapses runs of white space to one space.
    /// Other full-width punctuation (，（）：) is Chinese typography and stays as typed.
    /// </summary>
    public static string NormaliseInput(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var raw in value.Trim())
        {
            var c = raw switch
            {
                '\u3000' => ' ',
                (>= '\uFF10' and <= '\uFF19') or (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A')
                    or '\uFF20' or '\uFF0D' or '\uFF0E' => (char)(raw - 0xFEE0), // also ＠ － ． as typed in codes and addresses
                _ => raw,
            };
            var isSpace = char.IsWhiteSpace(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Length in user-perceived characters (a CJK character or an emoji counts as one).</summary>
    public static int DisplayLength(string? value) =>
        string.IsNullOrEmpty(value) ? 0 : new StringInfo(value).LengthInTextElements;

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!?][^>]*>|<\s*script|javascript\s*:|on[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"<\s*/?\s*(a|b|i|u|p|br|hr|em|strong|span|div|font|img|svg|math|iframe|frame|object|embed|script|style|link|meta|base|form|input|button|select|textarea|table|tr|td|th|ul|ol|li|h[1-6]|html|head|body|video|audio|source)(\s[^<>]*)?/?>|javascript\s*:|\son[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlPattern();
}
