namespace PatentTransfer.Domain.Patents;

/// <summary>Legal status of the right (法律状态) as the holder or the register states it.</summary>
public enum LegalStatus
{
    /// <summary>Filed, not (yet) granted.</summary>
    Pending,

    /// <summary>Granted and in force.</summary>
    Valid,

    /// <summary>Terminated because annual fees were not paid (after the 6-month grace period).</summary>
    Lapsed,

    /// <summary>Declared invalid (无效宣告).</summary>
    Invalidated,

    /// <summary>The term of protection has run out.</summary>
    Expired,
}

/// <summary>The legal events that matter for conversion (docs/DOMAIN.md §3).</summary>
public enum LegalEventType
{
    Grant,
    TransferRegistered,
    LicenceRecorded,
    PledgeRegistered,
    PledgeReleased,
    Preservation,
    OpenLicenceDeclared,
    OpenLicenceWithdrawn,

    /// <summary>The holder reports implementing the patent itself (自行实施).</summary>
    SelfImplementation,
    LapseUnpaidFees,
    Invalidation,
    Expiry,
}

/// <summary>One event of a patent's legal history.</summary>
public sealed record LegalEvent(DateOnly Date, LegalEventType Type, string? Note)
{
    public const int NoteMaxLength = 200;

    /// <summary>Events that show the patent is being used: they end its sleep.</summary>
    public bool IsUse => Type is LegalEventType.TransferRegistered or LegalEventType.LicenceRecorded
        or LegalEventType.PledgeRegistered or LegalEventType.SelfImplementation;
}
