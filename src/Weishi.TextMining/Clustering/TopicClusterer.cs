using Weishi.TextMining.Features;
using Weishi.TextMining.Keywords;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Clustering;

/// <summary>Groups texts into topics by spherical k-means over TF-IDF word vectors.</summary>
public sealed class TopicClusterer(TextAnalyzer analyzer)
{
    private const int LabelSample = 1000;

    /// <summary>Extra keywords drawn so that five remain once places are left out.</summary>
    private const int PlaceSlack = 7;

    /// <summary>Words that say where, not what: a community's run would otherwise label every topic 六联社区、片区 ….</summary>
    private static readonly HashSet<string> VagueAreas = new(StringComparer.Ordinal) { "片区", "一带", "辖区", "周边", "附近", "这边", "那边", "旁边" };

    /// <summary>
    /// Topic labels and keywords name what needs are about, not where: place words (小区, 新村), the district's places
    /// (六联社区, and those it added to its dictionary) and names with a place word (翠湖花园) are left out.
    /// </summary>
    private bool IsPlace(string term, HashSet<uint> named) =>
        VagueAreas.Contains(term) || Dedup.PlaceNames.IsPlaceWord(term, analyzer.AddedPlaceKeys) || Dedup.PlaceNames.Of(term).Length > 0
        || (term.Length >= 2 && named.Contains(Dedup.PlaceNames.KeyOf(Dedup.PlaceNames.Strip(term))));

    /// <summary>Keys of the names the texts give with a place word (翠湖花园 → 翠湖), so that 翠湖 alone is a place too.</summary>
    private static HashSet<uint> NamedPlaces(List<string?> texts)
    {
        var keys = new HashSet<uint>();
        var spans = new List<Range>();
        foreach (var text in texts)
        {
            spans.Clear();
            keys.UnionWith(Dedup.PlaceNames.FindKeys(text ?? "", spans));
        }
        return keys;
    }

    public int MaxIterations { get; init; } = 12;
    public int Seed { get; init; } = 7;

    /// <summary>sqrt(N/2) topics, at least 1, at most 40: enough to tell themes apart, few enough to read.</summary>
    public static int SuggestTopicCount(int textCount) => Math.Clamp((int)Math.Round(Math.Sqrt(textCount / 2.0)), 1, 40);

    public IReadOnlyList<Topic> Cluster(IReadOnlyList<string?> texts, int? topicCount = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new SparseVector[texts.Count];
        Parallel.For(0, texts.Count, () => new List<Token>(), (i, _, terms) =>
        {
            terms.Clear();
            var text = texts[i] ?? "";
            analyzer.CollectTerms(text, terms);
            vectors[i] = FeatureHasher.ForTopics(text, terms, analyzer);
            return terms;
        }, _ => { });
        return Cluster(texts, vectors, topicCount);
    }

    /// <summary>Clusters precomputed topic vectors (see <see cref="FeatureHasher.ForTopics"/>).</summary>
    public IReadOnlyList<Topic> Cluster(IReadOnlyList<string?> texts, IReadOnlyList<SparseVector> vectors, int? topicCount = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(vectors);
        if (texts.Count == 0) return [];
        var k = Math.Clamp(topicCount ?? SuggestTopicCount(texts.Count), 1, texts.Count);
        var (assignment, centroids) = SphericalKMeans.Run(vectors, k, MaxIterations, Seed);

        var members = new List<int>[centroids.Length];
        for (var c = 0; c < members.Length; c++) members[c] = [];
        for (var i = 0; i < assignment.Length; i++) members[assignment[i]].Add(i);

        var keywords = new KeywordExtractor(analyzer);
        var topics = new List<Topic>();
        foreach (var c in Enumerable.Range(0, centroids.Length).Where(c => members[c].Count > 0).OrderByDescending(c => members[c].Count))
        {
            var ids = members[c];
            var central = ids.OrderByDescending(i => vectors[i].Dot(centroids[c])).ThenBy(i => i).ToList();
            var sample = central.Take(LabelSample).Select(i => texts[i]).ToList();
            var named = NamedPlaces(sample);
            var words = keywords.ExtractFromGroup(sample, 5 + PlaceSlack).Select(w => w.Term).Where(t => !IsPlace(t, named)).Take(5).ToList();
            var label = words.Count > 0 ? string.Join('、', words.Take(3)) : "（无关键词）";
            topics.Add(new Topic(topics.Count, label, words, ids.Count, [.. ids], central.Take(3).ToList()));
        }
        return topics;
    }
}
