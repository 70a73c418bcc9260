using Microsoft.Extensions.Options;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Web.Features.DemandHall;

/// <summary>
/// Checks the "DemandSearch" section at start-up, so a mistyped setting stops the portal with a message naming it
/// rather than surfacing as empty or failing searches later. It needs the patent index's settings: the two indexes
/// must not share a folder (decision 0011).
/// </summary>
public sealed class DemandSearchOptionsValidation(IOptions<PatentSearchOptions> patentOptions) : IValidateOptions<DemandSearchOptions>
{
    public ValidateOptionsResult Validate(string? name, DemandSearchOptions options)
    {
        var problems = new List<string>();
        var section = DemandSearchOptions.SectionName;
        if (options.IndexDirectory is { Length: > 0 } own
            && patentOptions.Value.IndexDirectory is { Length: > 0 } patents
            && string.Equals(FullPath(own), FullPath(patents), StringComparison.Ordinal))
        {
            problems.Add($"{section}:IndexDirectory must differ from PatentSearch:IndexDirectory ('{patents}')");
        }

        if (options.FieldBoosts is not { } boosts)
        {
            problems.Add($"{section}:FieldBoosts is missing");
        }
        else
        {
            float[] weights = [boosts.Title, boosts.Problem, boosts.Targets, boosts.Basis, boosts.Product, boosts.Keywords];
            if (weights.Any(w => !float.IsFinite(w) || w < 0) || weights.All(w => w == 0))
            {
                problems.Add($"{section}:FieldBoosts must be numbers of 0 or more, at least one of them above 0");
            }
        }

        if (!float.IsFinite(options.FieldTieBreaker) || options.FieldTieBreaker is < 0 or > 1)
        {
            problems.Add($"{section}:FieldTieBreaker must be between 0 and 1");
        }

        if (options.SnippetLength is < 20 or > 1000)
        {
            problems.Add($"{section}:SnippetLength must be between 20 and 1000 characters");
        }

        // Lucene refuses a buffer of 2048 MB or more.
        if (!double.IsFinite(options.RebuildRamBufferMegabytes) || options.RebuildRamBufferMegabytes is < 1 or >= 2048)
        {
            problems.Add($"{section}:RebuildRamBufferMegabytes must be at least 1 and below 2048");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string FullPath(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
}
