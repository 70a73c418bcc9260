namespace PatentTransfer.Domain.Organisations;

public enum OrganisationType
{
    University,
    ResearchInstitute,
    StateOwnedEnterprise,
    PrivateEnterprise,
    ServiceAgency,
    FinancialInstitution,
    Government,
}

/// <summary>Enterprise size (国家统计局 大中小微型企业划分办法); only micro, small and medium count as SMEs.</summary>
public enum EnterpriseSize
{
    Micro,
    Small,
    Medium,
    Large,
}

public enum OrganisationStatus
{
    Pending,
    Verified,
    Rejected,
}

public static class OrganisationTypeRules
{
    /// <summary>Types that must state an enterprise size.</summary>
    public static bool RequiresSize(this OrganisationType type) =>
        type is OrganisationType.PrivateEnterprise or OrganisationType.StateOwnedEnterprise;

    /// <summary>The size to store: the given one for types that have sizes, none for the others.</summary>
    public static EnterpriseSize? SizeFor(this OrganisationType type, EnterpriseSize? size) => type.RequiresSize() ? size : null;

    /// <summary>Types that people may register themselves; government bodies are set up by administrators.</summary>
    public static bool IsSelfRegistrable(this OrganisationType type) => type != OrganisationType.Government;

    /// <summary>
    /// Holders of the "sleeping patents" the plan targets: universities, institutes and state-owned enterprises.
    /// </summary>
    public static bool IsPublicHolder(this OrganisationType type) =>
        type is OrganisationType.University or OrganisationType.ResearchInstitute or OrganisationType.StateOwnedEnterprise;
}
