using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Common;
using PatentTransfer.Infrastructure;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Cli;

/// <summary>
/// patents import --holder &lt;organisation id or name&gt; [--partial] [--errors N] FILE: previews the file, prints its
/// counts and first errors, and imports it when it has none (or its valid rows with --partial). Exit codes: 0
/// imported, 1 not imported (file or row errors, unknown holder), 2 wrong arguments.
/// </summary>
internal static class PatentImportCommand
{
    private const int DefaultErrorsShown = 20;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var options, out var problem))
        {
            await error.WriteLineAsync(problem);
            await output.WriteLineAsync(CliApp.Usage);
            return 2;
        }

        if (!File.Exists(options.File))
        {
            await error.WriteLineAsync($"file not found: {options.File}");
            return 1;
        }

        // The import writes as the application's role, like an upload in the portal.
        using var host = await CliApp.BuildHostAsync(DependencyInjection.ConnectionStringName, error);
        if (host is null)
        {
            return 1;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var holder = await FindHolderAsync(services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), options.Holder, error, cancellationToken);
        if (holder is null)
        {
            return 1;
        }

        var culture = CultureInfo.CurrentUICulture;
        var importer = services.GetRequiredService<PatentImportService>();
        var started = Stopwatch.GetTimestamp();
        PatentImportPreview preview;
        await using (var file = File.OpenRead(options.File))
        {
            preview = await importer.PreviewAsync(file, options.File, holder.Value.Id, progress: null, cancellationToken);
        }

        await output.WriteLineAsync($"file: {preview.FileName}{(preview.Encoding is { } encoding ? $" ({encoding})" : "")}, holder: {holder.Value.Name} ({holder.Value.Id})");
        if (preview.IsFileError)
        {
            await output.WriteLineAsync("nothing imported: " + PatentImportMessages.FileMessage(preview.FileErrorCode!, preview.FileErrorValue, culture));
            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"rows: {preview.TotalRows} total, {preview.ValidRows.Count} valid, {preview.InvalidRows} with errors ({preview.Errors.Count} errors); {preview.ExistingRows} of the valid ones already in the holder's catalogue"));
        if (preview.ExampleRows.Count > 0)
        {
            await output.WriteLineAsync($"skipped the template's example row(s): {string.Join(", ", preview.ExampleRows)}");
        }

        if (preview.UnknownColumns.Count > 0)
        {
            await output.WriteLineAsync($"ignored columns: {string.Join(", ", preview.UnknownColumns)}");
        }

        if (preview.Errors.Count > 0)
        {
            var shown = Math.Min(options.ErrorsShown, preview.Errors.Count);
            await output.WriteLineAsync(shown == preview.Errors.Count ? "errors:" : $"errors (first {shown} of {preview.Errors.Count}):");
            foreach (var rowError in preview.Errors.Take(shown))
            {
                await output.WriteLineAsync("  " + PatentImportMessages.Describe(rowError, culture));
            }

            if (!options.Partial)
            {
                await output.WriteLineAsync($"nothing imported: the file has errors (correct them, or use --partial to import the {preview.ValidRows.Count} valid rows)");
                return 1;
            }
        }

        if (preview.ValidRows.Count == 0)
        {
            await output.WriteLineAsync("nothing imported: the file has no valid rows");
            return preview.Errors.Count > 0 ? 1 : 0;
        }

        var actor = new Actor(null, "cli:" + Environment.UserName, holder.Value.Id);
        var outcome = await importer.ConfirmAsync(
            preview, actor, new PatentImportConfirmOptions { AllowPartial = options.Partial }, progress: null, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"imported: {outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s (import {outcome.ImportId})"));
        foreach (var number in outcome.HeldByOthers)
        {
            await output.WriteLineAsync($"  not imported, held by another organisation: {number}");
        }

        return 0;
    }

    /// <summary>An organisation by id, or by its exact name; similar names are suggested when nothing matches.</summary>
    private static async Task<(Guid Id, string Name)?> FindHolderAsync(
        IDbContextFactory<PortalDbContext> contextFactory, string holder, TextWriter error, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisations = db.Organisations.AsNoTracking();
        if (Guid.TryParse(holder, out var id))
        {
            var name = await organisations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is null)
            {
                await error.WriteLineAsync($"no organisation has the id {id}");
                return null;
            }

            return (id, name);
        }

        var wanted = Text.NormaliseInput(holder);
        var exact = await organisations.Where(o => o.Name == wanted).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        if (exact.Count == 1)
        {
            return (exact[0].Id, exact[0].Name);
        }

        if (exact.Count > 1)
        {
            await error.WriteLineAsync($"several organisations are named {wanted}; give the id: {string.Join(", ", exact.Select(o => o.Id))}");
            return null;
        }

        var pattern = "%" + wanted.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        var similar = await organisations.Where(o => EF.Functions.ILike(o.Name, pattern))
            .OrderBy(o => o.Name).Take(5).Select(o => o.Name + " (" + o.Id + ")").ToListAsync(cancellationToken);
        await error.WriteLineAsync(similar.Count == 0
            ? $"no organisation is named {wanted}"
            : $"no organisation is named exactly {wanted}; did you mean: {string.Join("; ", similar)}");
        return null;
    }

    private static bool TryParse(string[] args, out Options options, out string problem)
    {
        options = new Options();
        problem = string.Empty;
        string? holder = null;
        string? file = null;
        var errorsShown = DefaultErrorsShown;
        var partial = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--holder" when i + 1 < args.Length:
                    holder = args[++i];
                    break;
                case "--partial":
                    partial = true;
                    break;
                case "--errors" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    errorsShown = n;
                    i++;
                    break;
                case var arg when arg.StartsWith("--", StringComparison.Ordinal):
                    problem = $"unknown or incomplete option {arg}";
                    return false;
                case var arg when file is null:
                    file = arg;
                    break;
                default:
                    problem = "give exactly one file";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(holder) || file is null)
        {
            problem = "patents import needs --holder <organisation id or name> and a file";
            return false;
        }

        options = new Options { Holder = holder, File = file, Partial = partial, ErrorsShown = errorsShown };
        return true;
    }

    private sealed record Options
    {
        public string Holder { get; init; } = string.Empty;
        public string File { get; init; } = string.Empty;
        public bool Partial { get; init; }
        public int ErrorsShown { get; init; } = DefaultErrorsShown;
    }
}
