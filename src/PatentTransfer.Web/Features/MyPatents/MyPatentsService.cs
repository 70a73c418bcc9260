using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.MyPatents;

public enum ListingFilter
{
    All,
    NotListed,
    Draft,
    Submitted,
    Published,
    Returned,
    Withdrawn,
}

public sealed record MyPatentsQuery(
    string? Search = null,
    ListingFilter Listing = ListingFilter.All,
    PatentType? Type = null,
    bool SleepingOnly = false,
    int Page = 0,
    int PageSize = 20);

public sealed record MyPatentRow(
    Guid Id,
    string ApplicationNumber,
    string DisplayTitle,
    PatentType Type,
    LegalStatus Status,
    DateOnly? GrantDate,
    bool IsSleeping,
    Guid? ListingId,
    ListingStatus? ListingStatus,
    uint? ListingVersion,
    DateTimeOffset UpdatedAt);

/// <summary>What the holder may change by hand; numbers, dates and legal status come from the official record (import).</summary>
public sealed record PatentEdit(
    string? Title,
    string Abstract,
    string? Claims,
    string? MainIpc,
    string? FurtherIpc,
    string? Locarno,
    string? CoOwners,
    string? Inventors,
    string? Keywords,
    string? IndustryCode,
    uint Version);

/// <summary>
/// The holder's workspace over its own patents. Every query and command is limited to the patents of the
/// signed-in user's organisation: another holder's patent reads as not found.
/// </summary>
public sealed class MyPatentsService(IDbContextFactory<PortalDbContext> contextFactory, SleepingPatentRule sleepingRule, TimeProvider timeProvider)
{
    public async Task<Page<MyPatentRow>> ListAsync(ClaimsPrincipal user, MyPatentsQuery query, CancellationToken cancellationToken)
    {
        if (user.OrganisationIdOf() is not { } organisationId)
        {
            return new Page<MyPatentRow>([], 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var holderType = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Type).SingleAsync(cancellationToken);
        var rows = from p in db.Patents.AsNoTracking()
                   where p.HolderOrganisationId == organisationId
                   join l in db.Listings on p.Id equals l.PatentId into listings
                   from l in listings.DefaultIfEmpty()
                   select new { p, l };

        if (query.Type is { } type)
        {
            rows = rows.Where(x => x.p.Type == type);
        }

        rows = query.Listing switch
        {
            ListingFilter.NotListed => rows.Where(x => x.l == null),
            ListingFilter.Draft => rows.Where(x => x.l != null && x.l.Status == ListingStatus.Draft),
            ListingFilter.Submitted => rows.Where(x => x.l != null && x.l.Status == ListingStatus.Submitted),
            ListingFilter.Published => rows.Where(x => x.l != null && x.l.Status == ListingStatus.Published),
            ListingFilter.Returned => rows.Where(x => x.l != null && x.l.Status == ListingStatus.Returned),
            ListingFilter.Withdrawn => rows.Where(x => x.l != null && x.l.Status == ListingStatus.Withdrawn),
            _ => rows,
        };

        if (Text.NormaliseInput(query.Search) is { Length: > 0 } search)
        {
            var number = ApplicationNumber.TryParse(search, out var parsed, out _) ? parsed.Value : null;
            rows = number is not null
                ? rows.Where(x => x.p.ApplicationNumber == number)
                : rows.Where(x => EF.Functions.ILike(x.p.Title!, SqlLike.Contains(search), SqlLike.EscapeCharacter)
                                  || EF.Functions.ILike(x.p.ApplicationNumber, SqlLike.Contains(search), SqlLike.EscapeCharacter));
        }

        // The sleeping rule needs the legal timeline, which SQL would have to re-implement; a holder's portfolio
        // (hundreds to a few thousand patents) is small enough to assess in memory after the SQL filters.
        var today = PortalTime.Today(timeProvider);
        var ordered = rows.OrderByDescending(x => x.p.UpdatedAt).ThenBy(x => x.p.ApplicationNumber);
        var projection = ordered.Select(x => new Projection(
            x.p.Id, x.p.ApplicationNumber, x.p.Title, x.p.Abstract.Substring(0, 120), x.p.Type, x.p.Status, x.p.LastDayOfProtection, x.p.GrantDate,
            x.p.LegalEvents.ToList(), x.l == null ? null : x.l.Id, x.l == null ? null : x.l.Status, x.l == null ? null : x.l.Version, x.p.UpdatedAt));

        var size = Math.Clamp(query.PageSize, 1, 200);
        var skip = Math.Max(0, query.Page) * size;
        if (!query.SleepingOnly)
        {
            var total = await rows.CountAsync(cancellationToken);
            var page = await projection.Skip(skip).Take(size).ToListAsync(cancellationToken);
            return new Page<MyPatentRow>(page.Select(Row).ToList(), total);
        }

        var sleeping = (await projection.ToListAsync(cancellationToken)).Select(Row).Where(r => r.IsSleeping).ToList();
        return new Page<MyPatentRow>(sleeping.Skip(skip).Take(size).ToList(), sleeping.Count);

        MyPatentRow Row(Projection x)
        {
            var status = x.Status == LegalStatus.Valid && today > x.LastDayOfProtection ? LegalStatus.Expired : x.Status;
            var sleepingNow = sleepingRule.Assess(status, x.GrantDate, x.Events, holderType, today).IsSleeping;
            return new MyPatentRow(x.Id, x.ApplicationNumber, Patent.DisplayTitleOf(x.Title, x.Opening), x.Type, status, x.GrantDate, sleepingNow,
                x.ListingId, x.ListingStatus, x.ListingVersion, x.UpdatedAt);
        }
    }

    /// <summary>The patent as the edit form starts from, or null when it does not exist or is another holder's.</summary>
    public async Task<(Patent Patent, PatentEdit Edit)?> GetForEditAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var patent = await db.Patents.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patent is null || patent.HolderOrganisationId != user.OrganisationIdOf())
        {
            return null;
        }

        return (patent, new PatentEdit(patent.Title, patent.Abstract, patent.Claims, patent.MainIpc, string.Join("；", patent.FurtherIpc), patent.Locarno,
            string.Join("；", patent.CoOwners), string.Join("；", patent.Inventors), string.Join("；", patent.Keywords), patent.IndustryCode, patent.Version));
    }

    /// <summary>
    /// Saves the holder's corrections to the version they edited. Every field is checked first (IPC codes against
    /// the IPC table); a refused edit or a save by someone else since writes nothing.
    /// </summary>
    public async Task<(CommandResult Result, FieldErrors Errors)> UpdateAsync(ClaimsPrincipal user, Guid id, PatentEdit edit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var patent = await db.Patents.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patent is null || patent.HolderOrganisationId != user.OrganisationIdOf())
        {
            return (CommandResult.NotFound(T.Patent_NotFound), FieldErrors.None);
        }

        var errors = new Dictionary<string, string>();
        var main = ParseIpc(edit.MainIpc, nameof(PatentEdit.MainIpc), errors);
        var further = SplitList(edit.FurtherIpc).Select(c => ParseIpc(c, nameof(PatentEdit.FurtherIpc), errors)).OfType<IpcCode>().Distinct().ToList();
        LocarnoClass? locarno = null;
        if (Text.NormaliseInput(edit.Locarno) is { Length: > 0 } locarnoText)
        {
            if (LocarnoClass.TryParse(locarnoText, out var parsedLocarno))
            {
                locarno = parsedLocarno;
            }
            else
            {
                errors[nameof(PatentEdit.Locarno)] = T.Patent_LocarnoInvalid;
            }
        }

        var known = main is null && further.Count == 0 ? [] : await KnownIpcAsync(db, [.. further.Select(c => c.Value), .. main is { } m ? [m.Value] : Array.Empty<string>()], cancellationToken);
        if (main is { } mainCode && !known.Contains(mainCode.Value))
        {
            errors[nameof(PatentEdit.MainIpc)] = Texts.Format(T.Patent_IpcUnknown, mainCode.Value);
        }

        if (further.FirstOrDefault(c => !known.Contains(c.Value)) is { Value: not null } unknown)
        {
            errors[nameof(PatentEdit.FurtherIpc)] = Texts.Format(T.Patent_IpcUnknown, unknown.Value);
        }

        // The database no longer checks industry codes with a foreign key (decision 0010); the writers do.
        if (NullIfEmpty(edit.IndustryCode) is { } industry && !await db.Industries.AnyAsync(i => i.Code == industry, cancellationToken))
        {
            errors[nameof(PatentEdit.IndustryCode)] = T.Patent_IndustryUnknown;
        }

        var details = new PatentDetails(
            Domain.Patents.ApplicationNumber.Parse(patent.ApplicationNumber),
            patent.PublicationNumber is { } publication && PublicationNumber.TryParse(publication, out var pn) ? pn : null,
            NullIfEmpty(edit.Title), Paragraphs(edit.Abstract) ?? "", Paragraphs(edit.Claims), main, further, locarno,
            SplitList(edit.CoOwners), SplitList(edit.Inventors), patent.FilingDate, patent.PublicationDate, patent.GrantDate,
            patent.Status, SplitList(edit.Keywords), NullIfEmpty(edit.IndustryCode));
        var today = PortalTime.Today(timeProvider);
        foreach (var error in details.Validate(today))
        {
            errors.TryAdd(error.Field, Texts.Rule("Patent_" + error.Code));
        }

        if (errors.Count > 0)
        {
            return (CommandResult.Invalid(T.Form_FixErrors), new FieldErrors(errors));
        }

        var result = await VersionedChange.SaveAsync(db, patent, edit.Version, p => p.Update(details, today, timeProvider.GetUtcNow()), cancellationToken);
        return (result, FieldErrors.None);
    }

    private static IpcCode? ParseIpc(string? text, string field, Dictionary<string, string> errors)
    {
        if (Text.NormaliseInput(text) is not { Length: > 0 } input)
        {
            return null;
        }

        if (IpcCode.TryParse(input, out var code))
        {
            return code;
        }

        errors.TryAdd(field, Texts.Format(T.Patent_IpcInvalid, input));
        return null;
    }

    private static async Task<HashSet<string>> KnownIpcAsync(PortalDbContext db, string[] codes, CancellationToken cancellationToken) =>
        [.. await db.IpcEntries.Where(e => codes.Contains(e.Code)).Select(e => e.Code).ToListAsync(cancellationToken)];

    private static string? NullIfEmpty(string? text) => Text.NormaliseInput(text) is { Length: > 0 } t ? t : null;

    /// <summary>Names, codes and keywords are typed one per line or separated by Chinese or Latin semicolons and commas.</summary>
    public static string[] SplitList(string? text) =>
        (text ?? "").Split(['；', ';', '，', ',', '、', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Text.NormaliseInput).Where(t => t.Length > 0).Distinct().ToArray();

    /// <summary>Long texts keep their paragraphs; only the ends are trimmed.</summary>
    private static string? Paragraphs(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n").Trim();

    private sealed record Projection(
        Guid Id, string ApplicationNumber, string? Title, string Opening, PatentType Type, LegalStatus Status, DateOnly LastDayOfProtection,
        DateOnly? GrantDate, List<LegalEvent> Events, Guid? ListingId, ListingStatus? ListingStatus, uint? ListingVersion, DateTimeOffset UpdatedAt);
}
