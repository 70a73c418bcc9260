using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Data.Seeding;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>
/// The IPC symbols a patent can be classified under (main groups and subgroups of the ipc_entries table), kept
/// in memory: an import checks every class of every row against them. The table is reloaded only when the loaded
/// IPC data set changes (its hash in reference_data_sets), which costs one small query per import.
/// </summary>
public sealed class IpcSymbolCache
{
    private Snapshot? _snapshot;

    public async Task<IReadOnlySet<string>> GetAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(db, cancellationToken);
        if (Volatile.Read(ref _snapshot) is { } current && current.Version == version)
        {
            return current.Symbols;
        }

        // Two imports starting together may both load the table; that is cheaper than making one wait on a lock.
        var symbols = await db.IpcEntries.AsNoTracking()
            .Where(e => e.Level == IpcLevel.MainGroup || e.Level == IpcLevel.Subgroup)
            .Select(e => e.Code)
            .ToListAsync(cancellationToken);
        var snapshot = new Snapshot(version, symbols.ToHashSet(StringComparer.Ordinal));
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot.Symbols;
    }

    private static async Task<string> VersionAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.ReferenceDataSets.AsNoTracking()
            .Where(r => r.Name == ReferenceDataLoader.IpcResource)
            .Select(r => r.Sha256)
            .SingleOrDefaultAsync(cancellationToken) ?? string.Empty;

    private sealed record Snapshot(string Version, HashSet<string> Symbols);
}
