using Lucene.Net.Documents;

namespace PatentTransfer.Matching.Search;

/// <summary>
/// The fields of a patent in the index (the id is added by <see cref="LuceneIndex{TItem}"/>). Texts are analysed
/// (and stored where highlights and similar-patent queries need them); filters are exact terms; price (in fen, see
/// <see cref="IndexedMoney"/>) and grant date are numbers for ranges and sorting.
/// </summary>
internal static class PatentIndexSchema
{
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

    public static readonly ISet<string> StoredFieldsForHits = new HashSet<string>(StringComparer.Ordinal) { IndexKeys.Id, Title, Abstract, Claims };

    public static Document ToLucene(PatentDocument patent)
    {
        var document = new Document
        {
            new TextField(Title, patent.Title ?? "", Field.Store.YES),
            new TextField(Abstract, patent.Abstract ?? "", Field.Store.YES),
            new NumericDocValuesField(PriceSort, patent.Price is { } sortPrice ? IndexedMoney.ToFen(sortPrice, IndexedMoney.FenPerYuan) : NoPrice),
            new NumericDocValuesField(GrantSort, patent.GrantDate is { } granted ? granted.DayNumber : NoGrantDate),
        };

        IndexFields.AddStoredText(document, Claims, patent.Claims);
        IndexFields.AddTexts(document, Keywords, patent.Keywords);
        IndexFields.AddTerms(document, Ipc, patent.IpcCodes.SelectMany(IpcCodes.Levels));
        IndexFields.AddTerm(document, PatentType, patent.PatentType);
        IndexFields.AddTerm(document, HolderType, patent.HolderType);
        IndexFields.AddTerm(document, Industry, patent.IndustryCode);
        IndexFields.AddTerm(document, City, patent.CityCode);
        IndexFields.AddTerms(document, Mode, patent.OfferedModes);

        if (patent.Price is { } price)
        {
            document.Add(new Int64Field(Price, IndexedMoney.ToFen(price, IndexedMoney.FenPerYuan), Field.Store.NO));
        }

        AddFlag(document, patent.OpenLicence, OpenLicenceFlag);
        AddFlag(document, patent.FreeForSmes, FreeFlag);
        AddFlag(document, patent.PayLater, PayLaterFlag);
        AddFlag(document, patent.IsSleeping, SleepingFlag);
        AddFlag(document, patent.IsValid, ValidFlag);
        AddFlag(document, patent.IsListed, ListedFlag);
        return document;
    }

    private static void AddFlag(Document document, bool set, string flag)
    {
        if (set)
        {
            document.Add(new StringField(Flag, flag, Field.Store.NO));
        }
    }
}
