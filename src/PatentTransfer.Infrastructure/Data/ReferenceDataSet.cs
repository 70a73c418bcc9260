namespace PatentTransfer.Infrastructure.Data;

/// <summary>Which version of a reference data file is loaded, so loading is skipped when nothing changed.</summary>
public sealed class ReferenceDataSet
{
    public required string Name { get; set; }
    public required string Sha256 { get; set; }
    public int RowCount { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}
