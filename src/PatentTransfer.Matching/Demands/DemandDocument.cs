namespace PatentTransfer.Matching.Demands;

/// <summary>
/// What the demand index knows about one published technology demand (DOMAIN.md §5): its texts and the facts the
/// demand hall filters and sorts by. The database is the source of truth; the index is fed from it and can be
/// rebuilt at any time, so only demands the hall may list (published, not withdrawn) belong in it.
/// </summary>
/// <param name="Problem">The problem description: what the SME wants solved, often mixed with background.</param>
/// <param name="Targets">The quantified targets as text, e.g. "抗冲击韧性 ≥ 67 %"; searched like the other texts.</param>
/// <param name="Basis">What the SME already has (equipment, team).</param>
/// <param name="Product">The target product or scene.</param>
/// <param name="CityCode">4-digit city-level unit, e.g. "1306".</param>
/// <param name="Type">"TechnicalProblem", "TechnologyImport", "LicenceWanted", "JointRnD" or "Talent".</param>
/// <param name="Modes">Preferred modes: "Buy", "Licence", "Equity", "JointRnD".</param>
/// <param name="PaymentPreferences">"LumpSum", "Royalty", "PayLater".</param>
/// <param name="BudgetMin">Lowest budget in 万元; null with a <paramref name="BudgetMax"/> means "up to".</param>
/// <param name="BudgetMax">Highest budget in 万元; null with a <paramref name="BudgetMin"/> means "from". Both null:
/// negotiable (面议).</param>
/// <param name="Confidentiality">"Public", "Anonymised" or "PlatformOnly"; searches only see the levels their caller
/// names (<see cref="DemandSearchQuery.VisibleConfidentiality"/>).</param>
/// <param name="SmeOrganisationId">The SME that posted the demand. Not indexed: a filter by organisation would tell
/// who posted an anonymised demand to anyone allowed to list anonymised demands.</param>
/// <param name="ValidUntil">Last day the demand is open.</param>
public sealed record DemandDocument(
    Guid Id,
    string Title,
    string Problem,
    string? Targets,
    string? Basis,
    string? Product,
    IReadOnlyList<string> Keywords,
    string? IndustryCode,
    string? CityCode,
    string Type,
    IReadOnlyList<string> Modes,
    IReadOnlyList<string> PaymentPreferences,
    decimal? BudgetMin,
    decimal? BudgetMax,
    string Confidentiality,
    Guid SmeOrganisationId,
    DateOnly PublishedOn,
    DateOnly ValidUntil);
