using System.Globalization;

namespace PatentTransfer.Cli;

/// <summary>"--name value" pairs and bare "--flag"s.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads <paramref name="args"/>; an option not among <paramref name="known"/> is refused rather than ignored, so that
    /// a misspelt option or "--help" stops the command instead of letting it run as if it had not been given.
    /// </summary>
    public static CommandOptions Parse(IEnumerable<string> args, IReadOnlyCollection<string> known)
    {
        var options = new CommandOptions();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{list[i]}'");
            }

            var name = list[i][2..];
            if (!known.Contains(name))
            {
                throw new ArgumentException($"unknown option --{name}; this command takes {string.Join(", ", known.Select(k => "--" + k))}");
            }

            var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            options._values[name] = hasValue ? list[++i] : null;
        }

        return options;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.ContainsKey(name);

    public string Required(string name) =>
        Value(name) ?? throw new ArgumentException($"--{name} is required");

    public int? Integer(string name) => Value(name) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{name} takes a whole number, not '{text}'")
        : null;
}
