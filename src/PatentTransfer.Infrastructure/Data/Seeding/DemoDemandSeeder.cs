using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Matching.Demands;
using TargetComparator = PatentTransfer.Domain.Demands.TargetComparator;

namespace PatentTransfer.Infrastructure.Data.Seeding;

/// <summary>What one run of <see cref="DemoDemandSeeder"/> did.</summary>
/// <param name="Added">Demands published by this run.</param>
/// <param name="AlreadyLoaded">Demo demands of this source found before the run (then nothing is added).</param>
/// <param name="Skipped">Source records that could not become a valid demand, with the reason.</param>
public sealed record DemoDemandSeedResult(int Added, int AlreadyLoaded, IReadOnlyList<DemoDemandSkip> Skipped);

/// <summary>A source record left out: its id, its title and the rules its demand would break.</summary>
public sealed record DemoDemandSkip(string SourceId, string Title, string Reason);

/// <summary>
/// Loads the demo demands: the 371 real SME demands of the CCF BDCI 2019 set (a Henan technology-transfer platform's
/// postings) as published demands of invented demo SMEs in the 14 city-level units of Hebei. Their text is read into
/// the form's parts by <see cref="DemandTextReader"/> (problem, quantified targets, existing basis); type, industry,
/// IPC hint and keywords are read from the text; budget, payment, modes, dates, confidentiality and contact are
/// generated, deterministically (seeded by the source id). Every demand is marked demo with its source named, goes
/// through the normal path (created and submitted by a user of its SME, approved by the demo staff of the SME's city
/// or province), so the audit trail shows each step, and keeps its text as written on the other platform
/// (<see cref="Demand.IsCarriedOver"/>). Everything is written in one transaction; a second run finds the demands of
/// this source and changes nothing.
/// </summary>
public sealed partial class DemoDemandSeeder(
    PortalDbContext db,
    DemoDataSeeder organisations,
    UserManager<PortalUser> userManager,
    ICurrentActor currentActor,
    TimeProvider timeProvider,
    ILogger<DemoDemandSeeder> logger)
{
    public const string ResourceName = "ReferenceData.bdci2019-requirements.jsonl";

    /// <summary>The source named on every demand, as the data names itself (its "source" field).</summary>
    public const string SourceName = "CCF BDCI 2019 requirements (Henan technology-transfer platform)";

    private const int KeywordCount = 5;
    private const int PublishedWithinDays = 90;

    // An SME's demands tend to be in its own line of business: a demand whose guessed industry is the SME's counts
    // this many times in the draw of its poster.
    private const int SameIndustryWeight = 3;

    // Budgets SMEs typically state, in 万元.
    private static readonly decimal[] BudgetSteps = [5m, 10m, 20m, 30m, 50m, 80m, 100m, 150m, 200m, 300m, 500m];

    // Telephone area codes of the city-level units, for the demo contacts' landlines.
    private static readonly Dictionary<string, string> AreaCodes = new(StringComparer.Ordinal)
    {
        ["1301"] = "0311", ["1302"] = "0315", ["1303"] = "0335", ["1304"] = "0310", ["1305"] = "0319", ["1306"] = "0312",
        ["1307"] = "0313", ["1308"] = "0314", ["1309"] = "0317", ["1310"] = "0316", ["1311"] = "0318",
        ["130682"] = "0312", ["130181"] = "0311", ["1331"] = "0312",
    };

    private static readonly SearchValues<char> ClauseMarks = SearchValues.Create("，。；：、,;: ");

    private sealed record SourceDemand(string Id, string Title, string Content);

    /// <summary>Who posts an SME's demands and whom readers contact about them.</summary>
    private sealed record Poster(Organisation Organisation, PortalUser User, string CityCode, DemandContact Contact, Guid ReviewerId);

    private sealed record PlannedDemand(Demand Demand, Poster Poster, DateOnly SubmittedOn, DateTimeOffset SubmittedAt, DateOnly PublishedOn, DateTimeOffset PublishedAt);

    public async Task<DemoDemandSeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        var sources = ReadSource();
        var demoOrganisations = await organisations.OrganisationsAsync(cancellationToken);
        var posterKeys = DemoDataSeeder.DemandPosters.Where(p => demoOrganisations.ContainsKey(p.Key)).ToList();
        if (posterKeys.Count == 0)
        {
            throw new InvalidOperationException("Seed the demo organisations before the demo demands.");
        }

        var guesser = await DemoIpcGuesser.LoadAsync(db, cancellationToken);
        var keywords = new DemandKeywordExtractor();
        var now = timeProvider.GetUtcNow();
        var today = ShanghaiDate(now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two runs at once (two run.sh, say) would both find nothing and load everything twice: the second waits here.
        long lockKey = DemoRandom.StableSeed(SourceName);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken);
        var already = await db.Demands.CountAsync(d => d.IsDemo && d.Source == SourceName, cancellationToken);
        if (already > 0)
        {
            logger.LogInformation("Demo demands: {Count} of {Source} already loaded, nothing added", already, SourceName);
            return new DemoDemandSeedResult(0, already, []);
        }

        var posters = await PostersAsync(posterKeys.Select(p => p.Key), demoOrganisations, now, cancellationToken);
        var planned = new List<PlannedDemand>();
        var skipped = new List<DemoDemandSkip>();
        foreach (var source in sources)
        {
            var random = DemoRandom.For(source.Id);
            var sections = DemandTextReader.Read(source.Title, source.Content);
            var (description, basis) = DescriptionAndBasis(source.Title, sections);
            var type = TypeOf(sections.CoreText);
            var ipcHint = guesser.SubclassHint(source.Title, description[..Math.Min(description.Length, 160)]);
            var industry = DemoIpcGuesser.IndustryOf(ipcHint);
            var poster = posters[DemoRandom.Pick(random, posterKeys
                .Select(p => (p.Key, p.Weight * (posters[p.Key].Organisation.IndustryCode == industry ? SameIndustryWeight : 1)))
                .ToList())];

            // Published within the last 90 days; submitted up to a week and drafted up to two weeks before that.
            var publishedAt = now.AddMinutes(-random.Next(0, PublishedWithinDays * 24 * 60));
            var submittedAt = publishedAt.AddMinutes(-random.Next(60, 7 * 24 * 60));
            var createdAt = submittedAt.AddMinutes(-random.Next(10, 14 * 24 * 60));
            var (createdOn, submittedOn, publishedOn) = (ShanghaiDate(createdAt), ShanghaiDate(submittedAt), ShanghaiDate(publishedAt));

            var details = new DemandDetails(
                ShortTitle(source.Title),
                type,
                industry,
                ipcHint,
                keywords.Extract(sections.CoreText, KeywordCount).Where(k => Text.DisplayLength(k) <= DemandDetails.KeywordMaxLength).ToList(),
                description,
                [],
                basis,
                null,
                Budget(random, sections.Content),
                PaymentPreferences(random, type),
                Modes(random, type),
                random.NextDouble() < 0.7 ? DemoRandom.Between(random, today.AddMonths(4), today.AddMonths(36)) : null,
                // Valid 3 to 12 months from today, and at most 12 months from the day it was drafted (the form's rule then).
                DemoRandom.Between(random, today.AddMonths(3), Min(today.AddMonths(DemandDetails.MaxValidityMonths), createdOn.AddMonths(DemandDetails.MaxValidityMonths))),
                Confidentiality(random),
                poster.Contact);
            details = details with { Targets = Targets(details, sections, today) };

            // The demand must hold on each day of its path and today; a record that cannot is reported, not bent.
            var errors = new[] { createdOn, submittedOn, publishedOn, today }
                .SelectMany(day => details.Validate(day, carriedOver: true))
                .Distinct()
                .ToList();
            if (errors.Count > 0)
            {
                skipped.Add(new DemoDemandSkip(source.Id, source.Title, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Code}"))));
                continue;
            }

            var demand = new Demand(poster.Organisation.Id, poster.User.Id, details, createdOn, createdAt, isDemo: true, source: SourceName);
            planned.Add(new PlannedDemand(demand, poster, submittedOn, submittedAt, publishedOn, publishedAt));
        }

        // The normal path, each step saved as the person who takes it, so the audit trail names them.
        foreach (var byPoster in planned.GroupBy(p => p.Poster))
        {
            var poster = byPoster.Key;
            using (currentActor.ActAs(new Actor(poster.User.Id, poster.User.DisplayName, poster.Organisation.Id)))
            {
                db.Demands.AddRange(byPoster.Select(p => p.Demand));
                await db.SaveChangesAsync(cancellationToken);
                foreach (var item in byPoster)
                {
                    // Verification read from the database, as the SME workspace does.
                    item.Demand.Submit(poster.Organisation.Status == OrganisationStatus.Verified, item.SubmittedOn, item.SubmittedAt);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }

        foreach (var byReviewer in planned.GroupBy(p => p.Poster.ReviewerId))
        {
            var reviewer = await db.Users.AsNoTracking().SingleAsync(u => u.Id == byReviewer.Key, cancellationToken);
            using (currentActor.ActAs(new Actor(reviewer.Id, reviewer.DisplayName, reviewer.OrganisationId)))
            {
                foreach (var item in byReviewer)
                {
                    item.Demand.Approve(reviewer.Id, item.PublishedOn, item.PublishedAt);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var skip in skipped)
        {
            logger.LogWarning("Demo demands: source record {Id} skipped: {Reason}", skip.SourceId, skip.Reason);
        }

        logger.LogInformation("Demo demands: {Added} published of {Total} source records", planned.Count, sources.Count);
        return new DemoDemandSeedResult(planned.Count, 0, skipped);
    }

    /// <summary>
    /// The title as posted, cut at the last clause that fits when it is longer than the form allows (a cut title
    /// still reads as a title; a cut word does not), or hard with an ellipsis when no clause ends early enough.
    /// </summary>
    internal static string ShortTitle(string title)
    {
        var text = Text.NormaliseInput(title);
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= DemandDetails.TitleMaxLength)
        {
            return text;
        }

        var head = info.SubstringByTextElements(0, DemandDetails.TitleMaxLength);
        var cut = head.AsSpan().LastIndexOfAny(ClauseMarks);
        return cut >= DemandDetails.TitleMaxLength / 4
            ? head[..cut].TrimEnd()
            : info.SubstringByTextElements(0, DemandDetails.TitleMaxLength - 1) + "…";
    }

    /// <summary>
    /// The kind of demand by the words of what is sought (the core text: title, problem and targets, without company
    /// facts, whose "拥有专利20项" or "专业技术人才" say nothing about the demand), tried in this order.
    /// </summary>
    internal static DemandType TypeOf(string coreText) =>
        coreText.Contains("引进", StringComparison.Ordinal) ? DemandType.TechnologyImport
        : JointRnDCue().IsMatch(coreText) ? DemandType.JointRnD
        : LicenceCue().IsMatch(coreText) ? DemandType.LicenceWanted
        : TalentCue().IsMatch(coreText) ? DemandType.Talent
        : DemandType.TechnicalProblem;

    /// <summary>
    /// The description is the problem as the form shows it, or the background when the reader found no problem. When
    /// it found neither (the whole text is targets or company facts), the text as posted is the description and no
    /// basis is split off, so nothing is said twice; a posting with no text at all is described by its title.
    /// </summary>
    internal static (string Description, string? Basis) DescriptionAndBasis(string title, DemandTextSections sections)
    {
        var basis = sections.FieldText(DemandTextPart.Basis);
        var description = sections.FieldText(DemandTextPart.Problem) is { Length: > 0 } problem ? problem : sections.FieldText(DemandTextPart.Background);
        if (description.Length > 0)
        {
            return (description, basis.Length > 0 ? basis : null);
        }

        var whole = string.Join(' ', sections.Content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (whole.Length > 0 ? whole : Text.NormaliseInput(title), null);
    }

    /// <summary>
    /// The quantified targets of the targets part, as the domain holds them; one the domain refuses (an indicator too
    /// long, say) is left out rather than changed. At most <see cref="DemandDetails.MaxTargets"/>.
    /// </summary>
    private static List<DemandTarget> Targets(DemandDetails details, DemandTextSections sections, DateOnly today) =>
        DemandTextReader.ExtractTargets(sections.FieldText(DemandTextPart.Targets))
            .Select(t => new DemandTarget(t.Indicator, Enum.Parse<TargetComparator>(t.Comparator), t.Value, t.UpperValue, t.Unit))
            .Where(t => !(details with { Targets = [t] }).Validate(today, carriedOver: true).Any(e => e.Field.StartsWith(nameof(DemandDetails.Targets), StringComparison.Ordinal)))
            .Distinct()
            .Take(DemandDetails.MaxTargets)
            .ToList();

    /// <summary>
    /// Negotiable when the text names a budget of its own (a generated range beside "预算150万" would contradict the
    /// SME), otherwise a mix of negotiable, ranges and upper bounds.
    /// </summary>
    private static DemandBudget Budget(Random random, string content)
    {
        var roll = random.NextDouble();
        if (StatedBudget().IsMatch(content) || roll < 0.35)
        {
            return DemandBudget.NegotiableBudget;
        }

        if (roll < 0.85)
        {
            var low = random.Next(0, BudgetSteps.Length - 1);
            var high = random.Next(low + 1, Math.Min(BudgetSteps.Length, low + 4));
            return new DemandBudget(false, BudgetSteps[low], BudgetSteps[high]);
        }

        return new DemandBudget(false, null, BudgetSteps[random.Next(BudgetSteps.Length)]);
    }

    private static List<PaymentPreference> PaymentPreferences(Random random, DemandType type)
    {
        // A talent demand pays people, not for a licence.
        if (type == DemandType.Talent)
        {
            return random.NextDouble() < 0.5 ? [PaymentPreference.LumpSum] : [];
        }

        var preferences = new List<PaymentPreference>();
        if (random.NextDouble() < 0.55)
        {
            preferences.Add(PaymentPreference.LumpSum);
        }

        if (random.NextDouble() < 0.3)
        {
            preferences.Add(PaymentPreference.Royalty);
        }

        if (random.NextDouble() < 0.2)
        {
            preferences.Add(PaymentPreference.PayLater);
        }

        return preferences;
    }

    /// <summary>Modes that fit the kind of demand: an import is bought or licensed, joint R&amp;D is done together.</summary>
    private static List<DemandMode> Modes(Random random, DemandType type)
    {
        var extra = random.NextDouble();
        return type switch
        {
            DemandType.TechnologyImport => extra < 0.5 ? [DemandMode.Buy, DemandMode.Licence] : [DemandMode.Buy],
            DemandType.LicenceWanted => extra < 0.3 ? [DemandMode.Licence, DemandMode.Buy] : [DemandMode.Licence],
            DemandType.JointRnD => extra < 0.2 ? [DemandMode.JointRnD, DemandMode.Equity] : [DemandMode.JointRnD],
            DemandType.Talent => [DemandMode.JointRnD],
            _ => extra switch
            {
                < 0.3 => [DemandMode.Buy],
                < 0.55 => [DemandMode.Licence],
                < 0.75 => [DemandMode.JointRnD],
                _ => [DemandMode.Buy, DemandMode.Licence],
            },
        };
    }

    /// <summary>Most public, some anonymised, a few for the platform only.</summary>
    private static DemandConfidentiality Confidentiality(Random random) => random.NextDouble() switch
    {
        < 0.75 => DemandConfidentiality.Public,
        < 0.93 => DemandConfidentiality.Anonymised,
        _ => DemandConfidentiality.PlatformOnly,
    };

    /// <summary>
    /// The poster of each SME: its first SME user (the demo SME account for its own company), or else a demo user made
    /// for it without a password and with an unconfirmed address, who cannot sign in or ask for a reset. A demand is
    /// created by a member of its SME (the portal's access rules and the audit trail say so); giving every demo SME a
    /// sign-in account would only lengthen the list of demo accounts without showing anything new.
    /// </summary>
    private async Task<Dictionary<string, Poster>> PostersAsync(
        IEnumerable<string> keys, IReadOnlyDictionary<string, Organisation> demoOrganisations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var smeUsers = await userManager.GetUsersInRoleAsync(Roles.SmeUser);
        var staff = await userManager.GetUsersInRoleAsync(Roles.CityStaff);
        var province = await userManager.FindByEmailAsync(DemoDataSeeder.Accounts.Single(a => a.Role == Roles.ProvincialStaff).Email)
            ?? throw new InvalidOperationException("Seed the demo accounts before the demo demands.");
        var demoCityStaff = DemoDataSeeder.Accounts.Where(a => a.Role == Roles.CityStaff).Select(a => a.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var posters = new Dictionary<string, Poster>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var organisation = demoOrganisations[key];
            var cityCode = await db.Regions.AsNoTracking().Where(r => r.Code == organisation.RegionCode).Select(r => r.CityCode).SingleAsync(cancellationToken)
                ?? throw new InvalidDataException($"Region {organisation.RegionCode} has no city-level unit.");
            var random = DemoRandom.For(key);
            var user = smeUsers.Where(u => u.OrganisationId == organisation.Id).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).FirstOrDefault()
                ?? await CreatePosterAsync(key, posters.Count, organisation, now);
            // Approved by the demo staff of the SME's city where there are some, by provincial staff elsewhere.
            var reviewer = staff.Where(u => u.CityCode == cityCode && demoCityStaff.Contains(u.Email!)).OrderBy(u => u.Id).FirstOrDefault() ?? province;
            // A local number cannot start with 0 (it is the trunk prefix): the landline is well formed and unreal.
            var phone = $"{AreaCodes.GetValueOrDefault(cityCode, "0311")}-0{random.Next(0, 10_000_000):D7}";
            posters[key] = new Poster(organisation, user, cityCode, new DemandContact(user.DisplayName, phone, user.Email), reviewer.Id);
        }

        return posters;
    }

    /// <param name="serial">The poster's place in the list: a surname of its own, so the audit trail tells them apart.</param>
    private async Task<PortalUser> CreatePosterAsync(string key, int serial, Organisation organisation, DateTimeOffset now)
    {
        var user = new PortalUser
        {
            UserName = $"demand.{key}@demo.example",
            Email = $"demand.{key}@demo.example",
            EmailConfirmed = false,
            DisplayName = DemoRandom.Surnames[serial % DemoRandom.Surnames.Length] + (serial % 2 == 0 ? "女士" : "先生") + "（演示）",
            OrganisationId = organisation.Id,
            CreatedAt = now,
            IsDemo = true,
        };
        DemoDataSeeder.Check(await userManager.CreateAsync(user), user.Email);
        DemoDataSeeder.Check(await userManager.AddToRoleAsync(user, Roles.SmeUser), user.Email);
        return user;
    }

    /// <summary>The Asia/Shanghai date of an instant: China has used UTC+8 without daylight saving since 1991.</summary>
    private static DateOnly ShanghaiDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<SourceDemand> ReadSource()
    {
        using var stream = typeof(DemoDemandSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var demands = new List<SourceDemand>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string Get(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
            // The source is named on every demand: a record of another source would be misattributed.
            if (Get("source") != SourceName || Get("id").Length == 0)
            {
                throw new InvalidDataException($"{ResourceName}: a record without an id or of another source: {line[..Math.Min(line.Length, 80)]}");
            }

            demands.Add(new SourceDemand(Get("id"), Get("title"), Get("content")));
        }

        return demands;
    }

    [GeneratedRegex("合作|联合|共同研发")]
    private static partial Regex JointRnDCue();

    [GeneratedRegex("专利|许可|转让")]
    private static partial Regex LicenceCue();

    [GeneratedRegex("人才|专家")]
    private static partial Regex TalentCue();

    // "预算60万", "预算：25万", "预算金额为3000万": the SME's own figure.
    [GeneratedRegex(@"预算[^。；;\d]{0,8}\d")]
    private static partial Regex StatedBudget();
}
