using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// The fields of a patent in the matching index. Texts are indexed twice, as words (title, abstract and claims
/// apart, so that each carries its own weight) and as character pairs; the facts the re-ranking weighs are stored
/// (read for the candidates only) and validity is a term, so that expired patents are never candidates.
/// </summary>
internal static class PatentMatchSchema
{
    public const string Title = "t";
    public const string Abstract = "a";
    public const string Claims = "c";
    public const string Bigrams = "g";
    public const string Valid = "valid";

    public const string Ipc = "f_ipc";
    public const string Industry = "f_industry";
    public const string PatentType = "f_type";
    public const string City = "f_city";
    public const string Modes = "f_modes";
    public const string Price = "f_price";
    public const string Flags = "f_flags";
    public const string Expiry = "f_expiry";

    public const string OpenLicenceFlag = "open";
    public const string FreeFlag = "free";
    public const string PayLaterFlag = "later";
    public const string SleepingFlag = "sleeping";
    public const string ListedFlag = "listed";

    /// <summary>The word fields, the abstract first: every patent has one (<see cref="MatchQueries.Choose"/> reads rarity there).</summary>
    public static readonly string[] WordFields = [Abstract, Title, Claims];

    public static readonly ISet<string> StoredFacts = new HashSet<string>(StringComparer.Ordinal)
    {
        IndexKeys.Id, Ipc, Industry, PatentType, City, Modes, Price, Flags, Expiry,
    };

    /// <summary>The word fields with the weight a demand word found in each carries.</summary>
    public static Dictionary<string, float> WordFieldBoosts(MatchOptions options) => new(StringComparer.Ordinal)
    {
        [Title] = options.TitleBoost,
        [Abstract] = options.AbstractBoost,
        [Claims] = options.ClaimsBoost,
    };

    /// <summary>Words for the text fields, character pairs for <see cref="Bigrams"/>.</summary>
    public static Analyzer CreateAnalyzer(MatchOptions options) => new PerFieldAnalyzerWrapper(
        options.CreateWordAnalyzer(),
        new Dictionary<string, Analyzer> { [Bigrams] = BigramAnalyzer.Create() });

    public static Document ToLucene(PatentDocument patent)
    {
        var subject = PatentTexts.SubjectOf(patent.Title, patent.Abstract);
        var abstractText = PatentTexts.Clean(patent.Abstract);
        var document = new Document
        {
            new TextField(Title, subject, Field.Store.NO),
            new TextField(Abstract, abstractText, Field.Store.NO),
            new TextField(Bigrams, subject, Field.Store.NO),
            new TextField(Bigrams, abstractText, Field.Store.NO),
        };
        if (!string.IsNullOrWhiteSpace(patent.Claims))
        {
            document.Add(new TextField(Claims, patent.Claims, Field.Store.NO));
            document.Add(new TextField(Bigrams, patent.Claims, Field.Store.NO));
        }

        if (patent.IsValid)
        {
            document.Add(new StringField(Valid, "1", Field.Store.NO));
        }

        Store(document, Ipc, string.Join(' ', patent.IpcCodes.Select(IpcCodes.Normalise).Where(c => c.Length > 0)));
        Store(document, Industry, patent.IndustryCode);
        Store(document, PatentType, patent.PatentType);
        Store(document, City, patent.CityCode);
        Store(document, Modes, string.Join(' ', patent.OfferedModes));
        Store(document, Price, patent.Price?.ToString(CultureInfo.InvariantCulture));
        Store(document, Expiry, patent.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Store(document, Flags, string.Join(' ', new[]
        {
            patent.OpenLicence ? OpenLicenceFlag : null,
            patent.FreeForSmes ? FreeFlag : null,
            patent.PayLater ? PayLaterFlag : null,
            patent.IsSleeping ? SleepingFlag : null,
            patent.IsListed ? ListedFlag : null,
        }.Where(f => f is not null)));
        return document;
    }

    /// <summary>The stored facts of a candidate, as the re-ranking reads them.</summary>
    public static PatentFacts FactsOf(Document stored)
    {
        var flags = Words(stored.Get(Flags, CultureInfo.InvariantCulture));
        return new PatentFacts(
            IndexKeys.IdOf(stored),
            Words(stored.Get(Ipc, CultureInfo.InvariantCulture)),
            stored.Get(Industry, CultureInfo.InvariantCulture),
            stored.Get(PatentType, CultureInfo.InvariantCulture),
            stored.Get(City, CultureInfo.InvariantCulture),
            Words(stored.Get(Modes, CultureInfo.InvariantCulture)),
            stored.Get(Price, CultureInfo.InvariantCulture) is { } price ? decimal.Parse(price, CultureInfo.InvariantCulture) : null,
            stored.Get(Expiry, CultureInfo.InvariantCulture) is { } expiry ? DateOnly.ParseExact(expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            OpenLicence: flags.Contains(OpenLicenceFlag),
            FreeForSmes: flags.Contains(FreeFlag),
            PayLater: flags.Contains(PayLaterFlag),
            IsSleeping: flags.Contains(SleepingFlag),
            IsListed: flags.Contains(ListedFlag));
    }

    private static void Store(Document document, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            document.Add(new StoredField(field, value));
        }
    }

    private static string[] Words(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
