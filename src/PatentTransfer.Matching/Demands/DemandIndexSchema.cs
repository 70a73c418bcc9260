using Lucene.Net.Documents;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Matching.Demands;

/// <summary>
/// The fields of a demand in the index (the id is added by <see cref="LuceneIndex{TItem}"/>). Texts are analysed
/// with the patent index's analyzer and stored where highlights need them; filters are exact terms; budget bounds
/// (in fen, see <see cref="IndexedMoney"/>) and the last valid day are numbers for ranges; dates and budget also
/// have sort values.
/// </summary>
internal static class DemandIndexSchema
{
    public const string Title = "title";
    public const string Problem = "problem";
    public const string Targets = "targets";
    public const string Basis = "basis";
    public const string Product = "product";
    public const string Keywords = "keywords";
    public const string Industry = "industry";
    public const string City = "city";
    public const string Type = "type";
    public const string Mode = "mode";
    public const string Payment = "payment";
    public const string Confidentiality = "confidentiality";
    public const string ValidUntil = "valid_until";
    public const string ValidUntilSort = "valid_until_sort";
    public const string PublishedSort = "published_sort";

    /// <summary>"stated" or "negotiable", so that the budget filter can take or leave negotiable demands.</summary>
    public const string Budget = "budget";
    public const string BudgetStated = "stated";
    public const string BudgetNegotiable = "negotiable";

    /// <summary>The lower end of a stated budget; <see cref="long.MinValue"/> for "up to" budgets.</summary>
    public const string BudgetLow = "budget_low";

    /// <summary>The upper end of a stated budget; <see cref="long.MaxValue"/> for "from" budgets.</summary>
    public const string BudgetHigh = "budget_high";

    /// <summary>The most the SME states it would pay; negotiable demands sort after all others.</summary>
    public const string BudgetSort = "budget_sort";

    public const long NegotiableBudgetSort = long.MinValue;

    public static readonly ISet<string> StoredFieldsForHits =
        new HashSet<string>(StringComparer.Ordinal) { IndexKeys.Id, Title, Problem, Targets, Basis, Product };

    public static Document ToLucene(DemandDocument demand)
    {
        // Refused here rather than indexed quietly: a demand without a level could never be listed, and an inverted
        // or negative budget would overlap nothing or the wrong ranges.
        if (string.IsNullOrWhiteSpace(demand.Confidentiality))
        {
            throw new ArgumentException($"demand {demand.Id} has no confidentiality level", nameof(demand));
        }

        if (demand.BudgetMin < 0 || demand.BudgetMax < 0 || demand.BudgetMin > demand.BudgetMax)
        {
            throw new ArgumentException($"demand {demand.Id} has a budget of {demand.BudgetMin}–{demand.BudgetMax} 万元", nameof(demand));
        }

        var document = new Document
        {
            new TextField(Title, demand.Title ?? "", Field.Store.YES),
            new TextField(Problem, demand.Problem ?? "", Field.Store.YES),
            new Int32Field(ValidUntil, demand.ValidUntil.DayNumber, Field.Store.NO),
            new NumericDocValuesField(ValidUntilSort, demand.ValidUntil.DayNumber),
            new NumericDocValuesField(PublishedSort, demand.PublishedOn.DayNumber),
        };

        IndexFields.AddStoredText(document, Targets, demand.Targets);
        IndexFields.AddStoredText(document, Basis, demand.Basis);
        IndexFields.AddStoredText(document, Product, demand.Product);
        IndexFields.AddTexts(document, Keywords, demand.Keywords);
        IndexFields.AddTerm(document, Industry, demand.IndustryCode);
        IndexFields.AddTerm(document, City, demand.CityCode);
        IndexFields.AddTerm(document, Type, demand.Type);
        IndexFields.AddTerms(document, Mode, demand.Modes);
        IndexFields.AddTerms(document, Payment, demand.PaymentPreferences);
        IndexFields.AddTerm(document, Confidentiality, demand.Confidentiality);
        AddBudget(document, demand.BudgetMin, demand.BudgetMax);
        return document;
    }

    /// <summary>A bound of a budget filter in fen, rounded inwards.</summary>
    public static long Bound(decimal wanYuan, MidpointRounding direction) => IndexedMoney.Bound(wanYuan, IndexedMoney.FenPerWanYuan, direction);

    private static void AddBudget(Document document, decimal? min, decimal? max)
    {
        if (min is null && max is null)
        {
            document.Add(new StringField(Budget, BudgetNegotiable, Field.Store.NO));
            document.Add(new NumericDocValuesField(BudgetSort, NegotiableBudgetSort));
            return;
        }

        var low = min is { } from ? Fen(from) : long.MinValue;
        var high = max is { } upTo ? Fen(upTo) : long.MaxValue;
        document.Add(new StringField(Budget, BudgetStated, Field.Store.NO));
        document.Add(new Int64Field(BudgetLow, low, Field.Store.NO));
        document.Add(new Int64Field(BudgetHigh, high, Field.Store.NO));
        document.Add(new NumericDocValuesField(BudgetSort, max is null ? low : high));
    }

    private static long Fen(decimal wanYuan) => IndexedMoney.ToFen(wanYuan, IndexedMoney.FenPerWanYuan);
}
