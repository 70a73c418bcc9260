using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Tests.Demands;
using static PatentTransfer.Matching.Tests.Search.TestCatalogue;

namespace PatentTransfer.Matching.Tests.Recommend;

/// <summary>
/// The query keeps a demand's most informative words and pairs, and looks up the document frequencies of its terms
/// only as far as one could still be chosen (heaviest first, stopping when weight × the highest idf falls short).
/// The choice must be exactly the one an exhaustive reading makes.
/// </summary>
public class QueryTermChoiceTests
{
    [Fact]
    public void TheTermsChosenAreTheBestOfAllTheDemandsTermsForEveryRealDemand()
    {
        // The 371 real demands serve as the texts indexed too: a varied vocabulary, every document frequency from 1 up.
        var rows = RealDemands.Rows(RealDemands.AllFileName);
        var documents = rows.Select((row, i) => Patent($"d{i}", row.Title, row.Content, null)).ToList();
        var chosen = new MatchOptions();
        using var index = new PatentMatchIndex(chosen);
        using var everything = new PatentMatchIndex(new MatchOptions { MaxQueryWords = 100_000, MaxQueryBigrams = 100_000 });
        index.Rebuild(documents, TestContext.Current.CancellationToken);
        everything.Rebuild(documents, TestContext.Current.CancellationToken);

        var pruned = 0;
        foreach (var row in rows)
        {
            var demand = new DemandProfile(row.Title, row.Content);
            var all = everything.QueryTerms(demand);
            var best = index.QueryTerms(demand);

            // Best first in both: the chosen terms are the head of the full ranking, word for word and pair for pair.
            var allWords = all.Where(t => !t.IsBigram).ToList();
            var allPairs = all.Where(t => t.IsBigram).ToList();
            Assert.Equal(allWords.Take(chosen.MaxQueryWords), best.Where(t => !t.IsBigram));
            Assert.Equal(allPairs.Take(chosen.MaxQueryBigrams), best.Where(t => t.IsBigram));
            pruned += allWords.Count > 2 * chosen.MaxQueryWords || allPairs.Count > 2 * chosen.MaxQueryBigrams ? 1 : 0;
        }

        // Most demands have far more terms than are kept, which is where the look-ups stop early.
        Assert.True(pruned > rows.Count / 2, $"only {pruned} of {rows.Count} demands had many more terms than kept");
    }
}
