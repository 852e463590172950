using Weishi.TextMining.Classification;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// Finds groups of near-duplicate needs among many, in two stages joined by one union-find:
/// 1. re-wordings: MinHash LSH over character-bigram shingles proposes candidates, their exact Jaccard confirms them;
/// 2. paraphrases (the same need in other words, e.g. a resident's complaint and a staff summary):
///    <see cref="ParaphraseLinker"/> over word signatures with the place rule.
/// Two needs naming different places are never linked, in either stage.
/// </summary>
public sealed class DuplicateDetector(double jaccardThreshold = DuplicateDetector.DefaultThreshold)
{
    /// <summary>Chosen on the labelled test set: re-worded resubmissions score 0.34–0.85, distinct needs at most 0.25.</summary>
    public const double DefaultThreshold = 0.35;

    /// <summary>In a crowded LSH bucket each text is compared with this many following members only.</summary>
    private const int BucketWindow = 8;

    private const double LeaderFactor = 0.8;

    /// <summary>Least word similarity of a stage-one pair (labelled re-wordings score 0.4 and more).</summary>
    private const double WordFloor = 0.3;

    public double Threshold { get; } = jaccardThreshold;

    /// <summary>False turns the paraphrase stage off (character re-wordings only, as before).</summary>
    public bool FindParaphrases { get; init; } = true;

    public ParaphraseLinker Paraphrases { get; init; } = new();

    /// <summary>Segments the needs; the places its segmenter was given (<see cref="ChineseSegmenter.AddedPlaces"/>) are places too.</summary>
    public TextAnalyzer Analyzer { get; init; } = TextAnalyzer.Default;

    private readonly CategoryClassifier? _classifier;
    private readonly bool _classifierGiven;

    /// <summary>
    /// Classifies the needs whose signatures this detector builds (needs of two categories are rarely one); null: no
    /// categories. Unset: the shipped model, loaded only when it is needed.
    /// </summary>
    public CategoryClassifier? Classifier
    {
        get => _classifierGiven ? _classifier : CategoryClassifier.Default;
        init => (_classifier, _classifierGiven) = (value, true);
    }

    public DuplicateGroups FindGroups(IReadOnlyList<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (FindParaphrases) return FindGroups(texts, Signatures(texts));
        return FindGroups(ShinglesOf(texts));
    }

    /// <summary>The paraphrase stage's signature of each text, with its category from <see cref="Classifier"/>.</summary>
    public NeedSignature[] Signatures(IReadOnlyList<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var classifier = Classifier;
        var signatures = new NeedSignature[texts.Count];
        Parallel.For(0, texts.Count, () => new List<Token>(), (i, _, terms) =>
        {
            var text = texts[i] ?? "";
            terms.Clear();
            Analyzer.CollectTerms(text, terms);
            var prediction = text.Length == 0 ? null : classifier?.Classify(text, terms);
            signatures[i] = NeedSignature.Of(text, terms, Analyzer, prediction?.Category, prediction?.Profile ?? default);
            return terms;
        }, _ => { });
        return signatures;
    }

    /// <summary>Both stages, with signatures the caller computed from tokens it already has (the pipeline).</summary>
    public DuplicateGroups FindGroups(IReadOnlyList<string?> texts, IReadOnlyList<NeedSignature> signatures) =>
        FindGroups(texts, ShinglesOf(texts), signatures);

    /// <summary>Stage one only, on precomputed shingles.</summary>
    public DuplicateGroups FindGroups(IReadOnlyList<uint[]> shingles) => Detect(null, shingles, null);

    /// <summary>Both stages on precomputed shingles and signatures (a sweep reuses them across settings).</summary>
    public DuplicateGroups FindGroups(IReadOnlyList<string?> texts, IReadOnlyList<uint[]> shingles, IReadOnlyList<NeedSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(signatures);
        return Detect(texts, shingles, signatures);
    }

    private static uint[][] ShinglesOf(IReadOnlyList<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var shingles = new uint[texts.Count][];
        Parallel.For(0, texts.Count, i => shingles[i] = Shingles.Of(texts[i] ?? ""));
        return shingles;
    }

    /// <summary>Without signatures (and texts), stage one only and no place rule.</summary>
    private DuplicateGroups Detect(IReadOnlyList<string?>? texts, IReadOnlyList<uint[]> shingles, IReadOnlyList<NeedSignature>? signatures)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        if (signatures is not null && (signatures.Count != shingles.Count || texts?.Count != shingles.Count)) throw new ArgumentException("one signature and text per shingle set", nameof(signatures));
        var n = shingles.Count;
        if (signatures is not null) PlaceMentions.Assign(signatures, shingles, Analyzer);
        var sets = new UnionFind(n);
        var links = new List<DuplicateLink>();
        if (n < 2) return DuplicateGroups.From(sets, n) with { Links = links };
        var leader = new int[n];
        for (var i = 0; i < n; i++) leader[i] = i;

        var places = signatures is null ? null : new GroupPlaces(signatures);
        var bandKeys = MinHashIndex.BandKeys(shingles);
        if (signatures is not null) BucketByPlace(bandKeys, signatures);
        var ids = new int[n];
        var rejected = new HashSet<(int, int)>();
        foreach (var keys in bandKeys)
        {
            for (var i = 0; i < n; i++) ids[i] = i;
            Array.Sort(keys, ids);
            for (var start = 0; start < n;)
            {
                var end = start + 1;
                while (end < n && keys[end] == keys[start]) end++;
                if (end - start > 1) LinkBucket(ids.AsSpan(start, end - start), shingles, signatures, places, sets, leader, rejected, links);
                start = end;
            }
        }
        bandKeys = null;
        rejected = null;
        if (signatures is not null && FindParaphrases) Paraphrases.Link(texts!, shingles, signatures, sets, leader, links, places!);
        return DuplicateGroups.From(sets, n) with { Links = links };
    }

    /// <summary>
    /// Needs that mention a place only share LSH buckets with needs that mention the same place (their most specific
    /// one), so that the same template about many places never becomes a candidate pair in the first place.
    /// </summary>
    private static void BucketByPlace(ulong[][] bandKeys, IReadOnlyList<NeedSignature> signatures)
    {
        Parallel.For(0, signatures.Count, i =>
        {
            var place = PlaceNames.PrimaryOf(signatures[i].Mentions);
            if (place == 0) return;
            foreach (var keys in bandKeys) keys[i] = TermHash.Mix(keys[i] ^ place) & ~(1UL << 63);
        });
    }

    /// <summary>
    /// Links similar pairs, but only when the two groups' leaders (earliest texts) are also alike:
    /// without that check chains of small edits would merge a whole templated corpus into one group.
    /// </summary>
    private void LinkBucket(Span<int> members, IReadOnlyList<uint[]> shingles, IReadOnlyList<NeedSignature>? signatures, GroupPlaces? places,
        UnionFind sets, int[] leader, HashSet<(int, int)> rejected, List<DuplicateLink> links)
    {
        members.Sort();
        if (signatures is not null && members.Length > BucketWindow + 1)
        {
            // A crowded bucket is compared within a window: order it by place first, so the window holds needs about
            // the same place rather than the same template about 26 places.
            var order = new long[members.Length];
            for (var k = 0; k < members.Length; k++)
            {
                var mentions = signatures[members[k]].Mentions;
                order[k] = ((long)(mentions.Length == 0 ? 0 : mentions[0]) << 32) | (uint)members[k];
            }
            Array.Sort(order);
            for (var k = 0; k < members.Length; k++) members[k] = (int)(order[k] & 0xFFFFFFFF);
        }
        for (var a = 0; a < members.Length; a++)
        {
            var limit = Math.Min(members.Length, a + 1 + BucketWindow);
            for (var b = a + 1; b < limit; b++)
            {
                var x = members[a];
                var y = members[b];
                var (rootX, rootY) = (sets.Find(x), sets.Find(y));
                if (rootX == rootY) continue;
                var (leaderX, leaderY) = (leader[rootX], leader[rootY]);
                var leaders = leaderX < leaderY ? (leaderX, leaderY) : (leaderY, leaderX);
                if (rejected.Contains(leaders)) continue;
                var score = Shingles.Jaccard(shingles[x], shingles[y]);
                if (score < Threshold) continue;
                if (places is not null && !places.Compatible(rootX, rootY))
                {
                    rejected.Add(leaders);
                    continue;
                }
                // Shared boilerplate (社区能不能开个免费的…班) makes bigrams alike; the content words must agree too.
                if (signatures is not null && NeedSignature.Overlap(signatures[x], signatures[y]) < WordFloor) continue;
                if ((leaderX != x || leaderY != y) && Shingles.Jaccard(shingles[leaderX], shingles[leaderY]) < Threshold * LeaderFactor)
                {
                    rejected.Add(leaders);
                    continue;
                }
                sets.Union(x, y);
                places?.Merged(rootX, rootY, sets.Find(x));
                leader[sets.Find(x)] = Math.Min(leaderX, leaderY);
                links.Add(new DuplicateLink(x, y, DuplicateStage.Shingles, score));
            }
        }
    }
}
