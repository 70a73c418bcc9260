using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Features.Ipc;

public sealed record IpcNode(string Code, IpcLevel Level, string Title, int PatentCount)
{
    /// <summary>The prefix a patent's IPC symbol starts with when it falls under this node ("H01M10/00" covers "H01M10/…").</summary>
    public string Prefix => IpcBrowserService.PrefixOf(Code, Level);
}

/// <summary>An IPC symbol offered while typing, with its Chinese title.</summary>
public sealed record IpcSuggestion(string Code, IpcLevel Level, string Title);

public sealed record IpcBrowseView(IpcNode? Node, IReadOnlyList<IpcNode> Ancestors, IReadOnlyList<IpcNode> Children);

/// <summary>
/// The IPC tree in Chinese with the number of catalogue patents under each node (any of a patent's symbols,
/// main or further, counts once per node). Counts are computed by PostgreSQL per request: one grouped query
/// over the symbols of all patents, cheap at the catalogue's size.
/// </summary>
public sealed partial class IpcBrowserService(IDbContextFactory<PortalDbContext> contextFactory)
{
    public static string PrefixOf(string code, IpcLevel level) =>
        level == IpcLevel.MainGroup ? code[..(code.IndexOf('/', StringComparison.Ordinal) + 1)] : code;

    /// <summary>The node, its ancestors (root first) and children with counts; the root (sections) for null; null for an unknown code.</summary>
    public async Task<IpcBrowseView?> GetAsync(string? code, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IpcEntry? entry = null;
        if (!string.IsNullOrWhiteSpace(code))
        {
            var wanted = code.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
            entry = await db.IpcEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Code == wanted, cancellationToken);
            if (entry is null)
            {
                return null;
            }
        }

        var ancestors = new List<IpcEntry>();
        for (var parent = entry?.ParentCode; parent is not null;)
        {
            var found = await db.IpcEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Code == parent, cancellationToken);
            if (found is null)
            {
                break; // A few symbols of the source table have no parent entry; the trail stops there.
            }

            ancestors.Insert(0, found);
            parent = found.ParentCode;
        }

        var children = entry is null
            ? await db.IpcEntries.AsNoTracking().Where(e => e.Level == IpcLevel.Section).ToListAsync(cancellationToken)
            : await db.IpcEntries.AsNoTracking().Where(e => e.ParentCode == entry.Code).ToListAsync(cancellationToken);
        children = [.. children.OrderBy(e => SortKey(e.Code))];

        var counted = new List<IpcEntry>(children) { };
        counted.AddRange(ancestors);
        if (entry is not null)
        {
            counted.Add(entry);
        }

        var counts = await CountAsync(db, counted.Select(e => PrefixOf(e.Code, e.Level)).Distinct().ToArray(), cancellationToken);
        IpcNode Node(IpcEntry e) => new(e.Code, e.Level, e.Title, counts.GetValueOrDefault(PrefixOf(e.Code, e.Level)));
        return new IpcBrowseView(entry is null ? null : Node(entry), ancestors.Select(Node).ToList(), children.Select(Node).ToList());
    }

    /// <summary>
    /// Up to <paramref name="limit"/> symbols below the section level for what the user typed: symbols starting with it
    /// when it looks like a symbol ("C22", "c22c 38"), otherwise symbols whose Chinese title contains it ("合金"),
    /// broader levels first. For pickers, where SMEs rarely know the symbol but know their field's words.
    /// </summary>
    public async Task<IReadOnlyList<IpcSuggestion>> SuggestAsync(string? text, int limit, CancellationToken cancellationToken)
    {
        var typed = Text.NormaliseInput(text);
        if (typed.Length == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.IpcEntries.AsNoTracking().Where(e => e.Level != IpcLevel.Section);
        var symbol = typed.Replace(" ", "", StringComparison.Ordinal).Replace('／', '/').ToUpperInvariant();
        entries = SymbolStart().IsMatch(symbol)
            ? entries.Where(e => e.Code.StartsWith(symbol))
            : entries.Where(e => EF.Functions.ILike(e.Title, SqlLike.Contains(typed), SqlLike.EscapeCharacter));
        var found = await entries
            .OrderBy(e => e.Code.Length)
            .ThenBy(e => e.Code)
            .Take(Math.Clamp(limit, 1, 50))
            .Select(e => new IpcSuggestion(e.Code, e.Level, e.Title))
            .ToListAsync(cancellationToken);
        return found;
    }

    /// <summary>IPC order: main groups by number (H01M4 before H01M10), subgroups by their digits as written (02, 04, 05, 052, 0525).</summary>
    public static (string Subclass, int Group, string Subgroup) SortKey(string code)
    {
        var slash = code.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || code.Length < 5 || !int.TryParse(code.AsSpan(4, slash - 4), out var group)
            ? (code, -1, "")
            : (code[..4], group, code[(slash + 1)..]);
    }

    /// <summary>Patents having at least one symbol starting with each prefix.</summary>
    private static async Task<Dictionary<string, int>> CountAsync(PortalDbContext db, string[] prefixes, CancellationToken cancellationToken)
    {
        if (prefixes.Length == 0)
        {
            return [];
        }

        var rows = await db.Database.SqlQuery<PrefixCount>($"""
            SELECT p.prefix AS "Prefix", count(DISTINCT s.id)::int AS "Count"
            FROM unnest({prefixes}::text[]) AS p(prefix)
            JOIN (SELECT id, unnest(array_prepend(main_ipc, further_ipc)) AS symbol FROM patents) s
              ON starts_with(s.symbol, p.prefix)
            GROUP BY p.prefix
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Prefix, r => r.Count);
    }

    private sealed record PrefixCount(string Prefix, int Count);

    [GeneratedRegex(@"^[A-H]\d", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolStart();
}
