using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PatentTransfer.Testing;

public sealed record TestMail(string To, string Subject, string HtmlBody, string Path)
{
    /// <summary>The links of the message, HTML-decoded.</summary>
    public IReadOnlyList<string> Links =>
        Regex.Matches(HtmlBody, "href=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
}

/// <summary>Reads the .eml files the portal writes to its pickup directory, as a user reads their mailbox.</summary>
public sealed partial class TestMailbox(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<TestMail> All() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(Parse).ToList()
            : [];

    /// <summary>Waits up to five seconds for a message to <paramref name="to"/> whose subject contains the text.</summary>
    public async Task<TestMail> WaitForAsync(string to, string subjectContains, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var mail = All().LastOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subjectContains, StringComparison.Ordinal));
            if (mail is not null)
            {
                return mail;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException($"No mail to {to} with subject containing '{subjectContains}' in {Directory}.");
    }

    public static TestMail Parse(string path)
    {
        var text = File.ReadAllText(path);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = text[..split];
        var body = text[(split + 4)..];
        var headers = UnfoldedHeaders().Replace(headerText, " ")
            .Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (headers.GetValueOrDefault("Content-Transfer-Encoding")?.Equals("base64", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
        }

        return new TestMail(headers.GetValueOrDefault("To") ?? "", DecodeWords(headers.GetValueOrDefault("Subject") ?? ""), body, path);
    }

    // RFC 2047 encoded words, as System.Net.Mail writes UTF-8 subjects: =?utf-8?B?...?=
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value, m => m.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value))
            : QuotedPrintable(m.Groups[2].Value));

    private static string QuotedPrintable(string value)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '=' && i + 2 < value.Length)
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(value[i] == '_' ? (byte)' ' : (byte)value[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex UnfoldedHeaders();

    [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=\s*", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
