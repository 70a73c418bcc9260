using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Matching.Recommend;

/// <summary>A published demand as the reverse matcher indexes it.</summary>
public sealed record DemandMatchDocument(Guid Id, DemandProfile Profile);

/// <summary>One demand a patent could answer, explained like a <see cref="PatentRecommendation"/>.</summary>
public sealed record DemandRecommendation(
    Guid DemandId,
    double Score,
    float TextScore,
    IReadOnlyList<MatchedTerm> MatchedTerms,
    IReadOnlyList<MatchFactor> Factors);

/// <summary>
/// The other direction: demands a patent could answer, for its holder and for agencies. Demands are indexed by the
/// words of what they seek (title, problem and targets as <see cref="DemandTextReader"/> reads them, the SME's
/// keywords) and by character pairs; the patent's most informative words (its subject counting most) make the query,
/// and the same structured factors (<see cref="MatchFit"/>) re-rank the candidates, so that a pair scores alike
/// from either side.
/// </summary>
public sealed class DemandMatchIndex : IDisposable
{
    private const string Title = "t";
    private const string Body = "b";
    private const string Keywords = "k";
    private const string Bigrams = "g";
    private const string Profile = "f_profile";

    private static readonly ISet<string> Stored = new HashSet<string>(StringComparer.Ordinal) { IndexKeys.Id, Profile };

    private readonly MatchOptions _options;
    private readonly MatchWeights _weights;
    private readonly LuceneIndex<DemandMatchDocument> _index;
    private readonly Analyzer _words;
    private readonly Analyzer _bigrams;
    private readonly Dictionary<string, float> _fieldBoosts;

    public DemandMatchIndex(MatchOptions options, MatchWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _weights = weights ?? new MatchWeights();
        _words = options.CreateWordAnalyzer();
        _bigrams = Text.Analysis.BigramAnalyzer.Create();
        var analyzer = new PerFieldAnalyzerWrapper(options.CreateWordAnalyzer(), new Dictionary<string, Analyzer> { [Bigrams] = Text.Analysis.BigramAnalyzer.Create() });
        _index = new LuceneIndex<DemandMatchDocument>(analyzer, null, 64, "demand", demand => demand.Id, ToLucene);
        _fieldBoosts = new(StringComparer.Ordinal) { [Title] = options.TitleBoost, [Body] = options.AbstractBoost, [Keywords] = options.TitleBoost };
    }

    public int Count => _index.Count;

    public MatchOptions Options => _options;

    public void Rebuild(IEnumerable<DemandMatchDocument> demands, CancellationToken cancellationToken = default) =>
        _index.Rebuild(demands, cancellationToken);

    public void Upsert(DemandMatchDocument demand) => _index.Upsert(demand);

    public void UpsertMany(IEnumerable<DemandMatchDocument> demands) => _index.UpsertMany(demands);

    public void Delete(Guid id) => _index.Delete(id);

    public void DeleteMany(IEnumerable<Guid> ids) => _index.DeleteMany(ids);

    /// <summary>The best <paramref name="take"/> demands for <paramref name="patent"/>, best first, each explained.</summary>
    public IReadOnlyList<DemandRecommendation> Recommend(PatentDocument patent, int take, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(patent);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var facts = patent.Facts();
        return _index.WithSearcher(searcher =>
        {
            var terms = Terms(patent, searcher.IndexReader);
            if (terms.Count == 0 || take == 0)
            {
                return (IReadOnlyList<DemandRecommendation>)[];
            }

            var lookup = new TermContexts(searcher.IndexReader);
            var top = searcher.Search(MatchQueries.Disjunction(lookup, terms, _fieldBoosts, Bigrams, _options), Math.Max(take, _options.CandidateDepth));
            if (top.ScoreDocs.Length == 0)
            {
                return [];
            }

            var relevances = CandidateRelevance.Compute(lookup, top.ScoreDocs, terms, Bigrams, _options);
            var ranked = top.ScoreDocs
                .Where(scoreDoc => relevances[scoreDoc.Doc] >= _options.MinRelevance)
                .Select(scoreDoc =>
                {
                    var stored = searcher.Doc(scoreDoc.Doc, Stored);
                    var profile = DemandProfileCodec.Decode(stored.Get(Profile, CultureInfo.InvariantCulture));
                    var relevance = relevances[scoreDoc.Doc];
                    var factors = MatchFit.Factors(profile, facts, _weights, today);
                    var score = (_weights.Text * relevance) + factors.Sum(f => f.Contribution);
                    return (Doc: scoreDoc, Id: IndexKeys.IdOf(stored), Score: score,
                        Factors: (IReadOnlyList<MatchFactor>)[new MatchFactor(MatchFactorKind.Text, _weights.Text * relevance, ""), .. factors]);
                })
                .OrderByDescending(r => r.Score)
                .ThenBy(r => r.Id)
                .Take(take)
                .ToList();
            var matched = MatchedTermReader.Read(lookup, [.. ranked.Select(r => r.Doc.Doc)], terms, _fieldBoosts);
            return ranked.Select(r => new DemandRecommendation(r.Id, r.Score, r.Doc.Score, matched[r.Doc.Doc], r.Factors)).ToList();
        });
    }

    public void Dispose()
    {
        _index.Dispose();
        _words.Dispose();
        _bigrams.Dispose();
    }

    private static Document ToLucene(DemandMatchDocument demand)
    {
        var profile = demand.Profile;
        var sections = DemandTextReader.Read(profile.Title ?? "", profile.Content ?? "");
        var document = new Document
        {
            new TextField(Title, profile.Title ?? "", Field.Store.NO),
            new TextField(Body, sections.CoreText, Field.Store.NO),
            new TextField(Bigrams, sections.CoreText, Field.Store.NO),
            new StoredField(Profile, DemandProfileCodec.Encode(profile with { Content = "", Title = "" })),
        };
        foreach (var keyword in profile.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            document.Add(new TextField(Keywords, keyword, Field.Store.NO));
        }

        return document;
    }

    /// <summary>
    /// The patent's informative words: its subject counts twice, keywords one and a half, the abstract once and the
    /// claims half; each word's weight grows sub-linearly with use, and the words rarest among demands lead.
    /// </summary>
    private IReadOnlyList<QueryTerm> Terms(PatentDocument patent, IndexReader reader)
    {
        var raw = new Dictionary<(string Text, bool IsBigram), (float Weight, QueryTermSource Source)>();
        Add(raw, PatentTexts.SubjectOf(patent.Title, patent.Abstract), 2f);
        Add(raw, PatentTexts.Clean(patent.Abstract), 1f);
        Add(raw, patent.Claims, 0.5f);
        foreach (var keyword in patent.Keywords)
        {
            Add(raw, keyword, 1.5f);
        }

        return MatchQueries.Choose(raw, reader, [Body, Title, Keywords], Bigrams, _options);
    }

    private void Add(Dictionary<(string Text, bool IsBigram), (float Weight, QueryTermSource Source)> raw, string? text, float weight)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        foreach (var (analyzer, isBigram) in new[] { (_words, false), (_bigrams, true) })
        {
            using var stream = analyzer.GetTokenStream(isBigram ? Bigrams : Body, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var key = (term.ToString(), isBigram);
                raw[key] = (raw.GetValueOrDefault(key).Weight + weight, QueryTermSource.Text);
            }

            stream.End();
        }
    }
}
