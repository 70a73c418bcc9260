using System.Globalization;
using System.Text;

namespace PatentTransfer.Matching.Text;

/// <summary>
/// Folds text to one canonical form before it is indexed or matched, so that what users type with a Chinese
/// input method ("ＬＥＤ", "１２ｍｍ", "①"), copy from PDFs (zero-width spaces, soft hyphens) or write in
/// mixed case compares equal to what patents say. Applied identically to documents and queries.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // NFKC maps full-width ASCII to half-width, circled digits to digits and compatibility ideographs to
        // their unified forms.
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var rune in normalised.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control && !Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// Full-width ASCII ("１２ｍｍ", "≥６７％", "：", "（１）") and the ideographic space to their half-width forms, one
    /// character for one, so that positions found in the result are positions in <paramref name="text"/>. The
    /// Chinese clause marks "，；！？" stay: in Chinese text they end clauses, while "," and ";" may sit inside
    /// numbers and lists.
    /// </summary>
    internal static string FoldWidth(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var character = source[i];
                span[i] = character switch
                {
                    '\u3000' => ' ',
                    '，' or '；' or '！' or '？' => character,
                    >= '\uFF01' and <= '\uFF5E' => (char)(character - 0xFEE0),
                    _ => character,
                };
            }
        });
}
