namespace PatentTransfer.Infrastructure.Patents.Import;

public enum PatentImportStatus
{
    /// <summary>Confirmed and being written.</summary>
    Running,
    Succeeded,

    /// <summary>The write failed; nothing of the file was stored (the merge is all or nothing).</summary>
    Failed,
}

/// <summary>
/// One confirmed import of a holder's patent list, for the holder's import history. Previews write nothing, so
/// only confirmed files have a row. The patents themselves are audited one by one by <see cref="PatentBulkStore"/>.
/// </summary>
public sealed class PatentImport
{
    public const int FileNameMaxLength = 260;
    public const int UserNameMaxLength = 200;

    public Guid Id { get; init; }
    public Guid HolderOrganisationId { get; init; }

    /// <summary>The signed-in user who confirmed the import; null for the command line.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Who confirmed it as the audit trail names them ("system" for the command line).</summary>
    public required string UserName { get; init; }

    public required string FileName { get; init; }

    /// <summary>Data rows of the file (without empty and example rows).</summary>
    public int RowsTotal { get; set; }

    public int RowsValid { get; set; }
    public int RowsInvalid { get; set; }

    /// <summary>Patents added to the catalogue.</summary>
    public int CreatedCount { get; set; }

    /// <summary>Patents of the holder that were already in the catalogue and changed; unchanged ones are not counted.</summary>
    public int UpdatedCount { get; set; }

    public PatentImportStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
}
