using Weishi.TextMining.Classification;
using Weishi.TextMining.Clustering;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Features;
using Weishi.TextMining.Keywords;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Pipeline;

/// <summary>
/// Demand mining in one call: each text is segmented once and yields its category, keywords, topic
/// vector and shingles; then topics are clustered and near-duplicates grouped over the whole set.
/// </summary>
public sealed class MiningPipeline(TextAnalyzer analyzer, CategoryClassifier classifier)
{
    private static readonly Lazy<MiningPipeline> LazyDefault = new(() => new MiningPipeline(TextAnalyzer.Default, CategoryClassifier.Default));

    public static MiningPipeline Default => LazyDefault.Value;

    public static MiningResult Run(IReadOnlyList<string?> texts) => Default.Mine(texts);

    public MiningResult Mine(IReadOnlyList<string?> texts, MiningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new MiningOptions();
        var n = texts.Count;
        var keywords = new KeywordExtractor(analyzer);
        var classifications = new CategoryPrediction[n];
        var keywordLists = new string[n][];
        SparseVector[]? vectors = new SparseVector[n];
        var dedup = new DuplicateDetector(options.DuplicateThreshold)
        {
            Analyzer = analyzer,
            Paraphrases = options.PairModel is { } pairModel ? new ParaphraseLinker { Model = pairModel } : new ParaphraseLinker(),
        };
        var signatures = new NeedSignature[n];
        var done = 0;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var stageTimes = new Dictionary<string, TimeSpan>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };

        Parallel.For(0, n, parallel, () => new List<Token>(), (i, _, terms) =>
        {
            var text = texts[i] ?? "";
            terms.Clear();
            analyzer.CollectTerms(text, terms);
            classifications[i] = text.Length == 0 ? classifier.Classify(text) : classifier.Classify(text, terms);
            keywordLists[i] = keywords.TopTerms(text, terms, options.KeywordsPerText);
            vectors![i] = FeatureHasher.ForTopics(text, terms, analyzer);
            signatures[i] = NeedSignature.Of(text, terms, analyzer, text.Length == 0 ? null : classifications[i].Category, classifications[i].Profile);
            var count = Interlocked.Increment(ref done);
            if (options.Progress is not null && count % 10_000 == 0) options.Progress.Report(0.8 * count / n);
            return terms;
        }, _ => { });

        stageTimes["texts"] = stopwatch.Elapsed;
        var topics = new TopicClusterer(analyzer).Cluster(texts, vectors, options.TopicCount);
        stageTimes["topics"] = stopwatch.Elapsed - stageTimes["texts"];
        options.Progress?.Report(0.9);

        // Topic vectors are dropped before shingling so the two large per-text structures never coexist.
        vectors = null;
        // At a million needs the freed topic vectors are several hundred MB: return them before dedup allocates.
        if (n >= 100_000) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var duplicates = dedup.FindGroups(texts, signatures);
        stageTimes["duplicates"] = stopwatch.Elapsed - stageTimes["texts"] - stageTimes["topics"];
        options.Progress?.Report(1.0);

        var topicOf = new int[n];
        foreach (var topic in topics)
            foreach (var member in topic.Members) topicOf[member] = topic.Id;

        var mined = new MinedText[n];
        for (var i = 0; i < n; i++)
        {
            var c = classifications[i];
            mined[i] = new MinedText(i, c.Category, c.Confidence, c.ByRule, duplicates.GroupOf[i], topicOf[i], keywordLists[i]);
        }
        return new MiningResult(mined, topics, duplicates, stageTimes);
    }
}
