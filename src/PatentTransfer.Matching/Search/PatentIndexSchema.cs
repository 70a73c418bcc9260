using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace PatentTransfer.Matching.Search;

/// <summary>
/// The fields of a patent in the index. Texts are analysed (and stored where highlights and similar-patent
/// queries need them); filters are exact terms; price and grant date are numbers for ranges and sorting.
/// </summary>
internal static class PatentIndexSchema
{
    public const string Id = "id";
    public const string IdSort = "id_sort";
    public const string Title = "title";
    public const string Abstract = "abstract";
    public const string Claims = "claims";
    public const string Keywords = "keywords";
    public const string Ipc = "ipc";
    public const string Industry = "industry";
    public const string PatentType = "patent_type";
    public const string HolderType = "holder_type";
    public const string City = "city";
    public const string Mode = "mode";
    public const string Flag = "flag";
    public const string Price = "price";
    public const string PriceSort = "price_sort";
    public const string GrantSort = "grant_sort";

    public const string OpenLicenceFlag = "open_licence";
    public const string FreeFlag = "free_for_smes";
    public const string PayLaterFlag = "pay_later";
    public const string SleepingFlag = "sleeping";
    public const string ValidFlag = "valid";
    public const string ListedFlag = "listed";

    /// <summary>Sorts patents without a price after every priced one.</summary>
    public const long NoPrice = long.MaxValue;

    /// <summary>Sorts patents without a grant date after every dated one (newest first).</summary>
    public const long NoGrantDate = long.MinValue;

    public static readonly string[] TextFields = [Title, Abstract, Claims, Keywords];

    public static readonly ISet<string> StoredFieldsForHits = new HashSet<string>(StringComparer.Ordinal) { Id, Title, Abstract, Claims };

    public static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>Prices are indexed in fen so that ranges are exact on whole numbers.</summary>
    public static long ToFen(decimal yuan) => decimal.ToInt64(decimal.Round(yuan * 100m, MidpointRounding.AwayFromZero));

    /// <summary>
    /// A range bound in whole fen, rounded inwards (up for a lower bound, down for an upper one) so that an inclusive
    /// bound of 100.005 yuan never admits 100.01, and clamped so that no bound overflows.
    /// </summary>
    public static long FenBound(decimal yuan, MidpointRounding direction)
    {
        const decimal largest = long.MaxValue / 100m;
        var clamped = Math.Clamp(yuan, -largest, largest);
        return decimal.ToInt64(decimal.Round(clamped * 100m, 0, direction));
    }

    public static Document ToLucene(PatentDocument patent)
    {
        if (patent.Id == Guid.Empty)
        {
            throw new ArgumentException("a patent needs an id", nameof(patent));
        }

        var document = new Document
        {
            new StringField(Id, Key(patent.Id), Field.Store.YES),
            new SortedDocValuesField(IdSort, new BytesRef(Key(patent.Id))),
            new TextField(Title, patent.Title ?? "", Field.Store.YES),
            new TextField(Abstract, patent.Abstract ?? "", Field.Store.YES),
            new StringField(PatentType, patent.PatentType, Field.Store.NO),
            new StringField(HolderType, patent.HolderType, Field.Store.NO),
            new NumericDocValuesField(PriceSort, patent.Price is { } sortPrice ? ToFen(sortPrice) : NoPrice),
            new NumericDocValuesField(GrantSort, patent.GrantDate is { } granted ? granted.DayNumber : NoGrantDate),
        };

        if (!string.IsNullOrWhiteSpace(patent.Claims))
        {
            document.Add(new TextField(Claims, patent.Claims, Field.Store.YES));
        }

        foreach (var keyword in patent.Keywords)
        {
            if (!string.IsNullOrWhiteSpace(keyword))
            {
                document.Add(new TextField(Keywords, keyword, Field.Store.NO));
            }
        }

        foreach (var level in patent.IpcCodes.SelectMany(IpcCodes.Levels).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Ipc, level, Field.Store.NO));
        }

        AddIfPresent(document, Industry, patent.IndustryCode);
        AddIfPresent(document, City, patent.CityCode);
        foreach (var mode in patent.OfferedModes.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Mode, mode, Field.Store.NO));
        }

        if (patent.Price is { } price)
        {
            document.Add(new Int64Field(Price, ToFen(price), Field.Store.NO));
        }

        AddFlag(document, patent.OpenLicence, OpenLicenceFlag);
        AddFlag(document, patent.FreeForSmes, FreeFlag);
        AddFlag(document, patent.PayLater, PayLaterFlag);
        AddFlag(document, patent.IsSleeping, SleepingFlag);
        AddFlag(document, patent.IsValid, ValidFlag);
        AddFlag(document, patent.IsListed, ListedFlag);
        return document;
    }

    private static void AddIfPresent(Document document, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            document.Add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static void AddFlag(Document document, bool set, string flag)
    {
        if (set)
        {
            document.Add(new StringField(Flag, flag, Field.Store.NO));
        }
    }
}
