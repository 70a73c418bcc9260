using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Domain.Identity;

/// <summary>The portal's roles (docs/DOMAIN.md §2). Names are stored; do not rename.</summary>
public static class Roles
{
    public const string SmeUser = "SmeUser";
    public const string PatentHolder = "PatentHolder";
    public const string ServiceAgency = "ServiceAgency";
    public const string FinancialInstitution = "FinancialInstitution";
    public const string CityStaff = "CityStaff";
    public const string ProvincialStaff = "ProvincialStaff";
    public const string Administrator = "Administrator";

    /// <summary>Staff who review records: city staff for their city, provincial staff and administrators for all.</summary>
    public const string Reviewers = CityStaff + "," + ProvincialStaff + "," + Administrator;

    /// <summary>Staff who manage accounts.</summary>
    public const string UserManagers = ProvincialStaff + "," + Administrator;

    public static IReadOnlyList<string> All { get; } =
        [SmeUser, PatentHolder, ServiceAgency, FinancialInstitution, CityStaff, ProvincialStaff, Administrator];

    public static IReadOnlyList<string> Staff { get; } = [CityStaff, ProvincialStaff, Administrator];

    /// <summary>
    /// The role a self-registered account gets from its organisation: SMEs look for technology; universities,
    /// institutes, state-owned and large private enterprises hold patents.
    /// </summary>
    public static string ForRegistration(OrganisationType type, EnterpriseSize? size) => type switch
    {
        OrganisationType.PrivateEnterprise when size is EnterpriseSize.Micro or EnterpriseSize.Small or EnterpriseSize.Medium => SmeUser,
        OrganisationType.PrivateEnterprise or OrganisationType.University or OrganisationType.ResearchInstitute
            or OrganisationType.StateOwnedEnterprise => PatentHolder,
        OrganisationType.ServiceAgency => ServiceAgency,
        OrganisationType.FinancialInstitution => FinancialInstitution,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Government accounts are created by administrators."),
    };
}
