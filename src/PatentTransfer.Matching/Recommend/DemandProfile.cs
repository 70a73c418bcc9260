namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// A technology demand as the matcher reads it: its free text and, where the SME gave them, the structured facts
/// the re-ranking weighs. Only the texts are required; everything else left empty is simply not weighed.
/// </summary>
/// <param name="Title">The demand's title.</param>
/// <param name="Content">The free text (problem, targets, basis, background in any order; boilerplate is removed).</param>
public sealed record DemandProfile(string Title, string Content)
{
    /// <summary>Keywords the SME entered.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>IPC symbols (any level: "H01M", "H01M10/0525") the SME chose as its technical field.</summary>
    public IReadOnlyList<string> IpcHints { get; init; } = [];

    /// <summary>The industry code of the demand, same list as the patents'.</summary>
    public string? IndustryCode { get; init; }

    /// <summary>
    /// Offered modes of a listing that the SME would accept ("Transfer", "ExclusiveLicence", "SoleLicence",
    /// "OrdinaryLicence", "Equity"); empty when it has no preference.
    /// </summary>
    public IReadOnlyList<string> AcceptedModes { get; init; } = [];

    /// <summary>Budget in yuan; both null when negotiable.</summary>
    public decimal? BudgetMin { get; init; }

    public decimal? BudgetMax { get; init; }

    /// <summary>The SME asked for "use first, pay later".</summary>
    public bool PrefersPayLater { get; init; }

    /// <summary>The SME's 4-digit city-level unit, e.g. "1301".</summary>
    public string? CityCode { get; init; }
}
