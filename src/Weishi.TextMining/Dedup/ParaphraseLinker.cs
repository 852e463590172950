using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// The second duplicate stage, for the same need put in other words (a resident's complaint and a staff summary).
/// Candidates come from blocks of needs sharing a key — a place and one of the need's top words, or, for every
/// need, two of its top words — so the work grows with N, not N². A block larger than <see cref="BlockCap"/> (a
/// frequent word) is only compared within a sliding window. Each candidate is verified by the <see cref="PairModel"/>:
/// the probability that the two are one need, from their <see cref="PairFeatures"/> (concepts, characters, classifier,
/// facets, places), must reach <see cref="Threshold"/>. Needs naming different places are never linked.
/// </summary>
public sealed class ParaphraseLinker
{
    /// <summary>Chosen with the bench's <c>pair-study</c>, leaving one labelled set out at a time (bench/textmining.md §4).</summary>
    public const double LinkThreshold = 0.4;

    /// <summary>Two groups merge only when their first members are pairwise at least this likely one need.</summary>
    public const double MergeThreshold = 0.3;

    /// <summary>Blocks up to this size are compared pair by pair; larger ones within a window only.</summary>
    public const int BlockCap = 48;

    public const int Window = 4;

    private const int MaxPlaceKeys = 2;

    /// <summary>How many members of a group a merge checks.</summary>
    private const int SampleSize = 4;

    /// <summary>Group pairs remembered as not mergeable (bounds memory on huge templated corpora).</summary>
    private const int MaxRejected = 2_000_000;

    public double Threshold { get; init; } = LinkThreshold;

    public double MergeFloor { get; init; } = MergeThreshold;

    private readonly PairModel? _model;

    /// <summary>The shipped model unless another is given (loaded when first used).</summary>
    public PairModel Model
    {
        get => _model ?? PairModel.Default;
        init => _model = value;
    }

    /// <summary>How many candidate pairs the last run verified (for tests and the benchmark).</summary>
    public long CandidatePairs { get; private set; }

    /// <summary>How many of them were likely enough to be linked, strongest first.</summary>
    public long LikelyPairs { get; private set; }

    /// <summary>The probability that two needs are one, or null when they cannot be (different places, nothing shared).</summary>
    public double? Probability(string a, NeedSignature signatureA, string b, NeedSignature signatureB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Span<double> features = stackalloc double[PairFeatures.Count];
        return PairFeatures.Compute(a, Shingles.Of(a), signatureA, b, Shingles.Of(b), signatureB, features) ? Model.Probability(features) : null;
    }

    /// <summary>
    /// Adds paraphrase links to <paramref name="sets"/> (which may already hold stage-one groups): every candidate pair
    /// is scored (in parallel), then the likely ones are linked from the most likely down, so that a weak link cannot
    /// take a need into a group before its strong one does.
    /// </summary>
    internal void Link(IReadOnlyList<string?> texts, IReadOnlyList<uint[]> shingles, IReadOnlyList<NeedSignature> signatures, UnionFind sets, int[] leader, List<DuplicateLink> links, GroupPlaces places)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(leader);
        ArgumentNullException.ThrowIfNull(links);
        var measures = new PairFeatures.TextMeasures[signatures.Count];
        Parallel.For(0, measures.Length, i => measures[i] = PairFeatures.MeasuresOf(texts[i] ?? "", shingles[i]));
        double? Score(int x, int y)
        {
            Span<double> features = stackalloc double[PairFeatures.Count];
            return PairFeatures.Compute(texts[x] ?? "", shingles[x], signatures[x], measures[x], texts[y] ?? "", shingles[y], signatures[y], measures[y], features)
                ? Model.Probability(features) : null;
        }

        var (keys, ids) = BlockKeys(signatures);
        var blocks = new List<(int Start, int End)>();
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) blocks.Add((start, end));
            start = end;
        }
        keys = null;
        // Stage one's groups, read-only while the candidates are scored in parallel.
        var stageOne = new int[signatures.Count];
        for (var i = 0; i < stageOne.Length; i++) stageOne[i] = sets.Find(i);
        long candidates = 0;
        var found = new List<List<LikelyPair>>();
        (CandidatePairs, LikelyPairs) = (0, 0);
        if (blocks.Count == 0) return;
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, blocks.Count), () => (Found: new List<LikelyPair>(), Count: 0L), (range, _, local) =>
        {
            for (var k = range.Item1; k < range.Item2; k++)
            {
                var (start, end) = blocks[k];
                var members = ids.AsSpan(start, end - start);
                members.Sort();
                var window = members.Length <= BlockCap ? members.Length : Window;
                for (var a = 0; a < members.Length; a++)
                {
                    var limit = Math.Min(members.Length, a + 1 + window);
                    for (var b = a + 1; b < limit; b++)
                    {
                        var (x, y) = (members[a], members[b]);
                        if (x == y || stageOne[x] == stageOne[y]) continue;
                        local.Count++;
                        if (Score(x, y) is { } p && p >= Threshold) local.Found.Add(new LikelyPair((float)p, x, y));
                    }
                }
            }
            return local;
        }, local =>
        {
            lock (found)
            {
                found.Add(local.Found);
                candidates += local.Count;
            }
        });
        var likely = new LikelyPair[found.Sum(f => f.Count)];
        var at = 0;
        foreach (var list in found)
        {
            list.CopyTo(likely, at);
            at += list.Count;
        }
        found = null;
        CandidatePairs = candidates;
        LikelyPairs = likely.Length;
        Array.Sort(likely, (u, v) => u.P != v.P ? v.P.CompareTo(u.P) : u.X != v.X ? u.X.CompareTo(v.X) : u.Y.CompareTo(v.Y));
        var samples = new Dictionary<int, int[]>();
        var rejected = new HashSet<long>();
        foreach (var (p, x, y) in likely) TryLink(x, y, p, Score, sets, leader, links, places, samples, rejected);
    }

    /// <summary>A candidate pair at or above the link threshold (12 bytes: there are millions on large corpora).</summary>
    private readonly record struct LikelyPair(float P, int X, int Y);

    private void TryLink(int x, int y, double score, Func<int, int, double?> probability, UnionFind sets, int[] leader, List<DuplicateLink> links, GroupPlaces places, Dictionary<int, int[]> samples, HashSet<long> rejected)
    {
        var (rootX, rootY) = (sets.Find(x), sets.Find(y));
        if (rootX == rootY || !places.Compatible(rootX, rootY)) return;
        var (leaderX, leaderY) = (leader[rootX], leader[rootY]);
        var leaders = ((long)Math.Min(leaderX, leaderY) << 32) | (uint)Math.Max(leaderX, leaderY);
        if (rejected.Contains(leaders)) return;
        // Two groups merge only when their first members are all close to each other too (not just one pair),
        // so a chain of loosely related needs at one place cannot grow into one group.
        var membersX = samples.GetValueOrDefault(rootX) ?? [x];
        var membersY = samples.GetValueOrDefault(rootY) ?? [y];
        foreach (var mx in membersX)
        {
            foreach (var my in membersY)
            {
                if (mx == x && my == y) continue;
                if (probability(mx, my) is not { } p || p < MergeFloor)
                {
                    if (rejected.Count < MaxRejected) rejected.Add(leaders);
                    return;
                }
            }
        }
        sets.Union(x, y);
        var root = sets.Find(x);
        leader[root] = Math.Min(leaderX, leaderY);
        samples.Remove(rootX);
        samples.Remove(rootY);
        samples[root] = [.. membersX.Concat(membersY).Order().Take(SampleSize)];
        places.Merged(rootX, rootY, sets.Find(x));
        links.Add(new DuplicateLink(Math.Min(x, y), Math.Max(x, y), DuplicateStage.Paraphrase, score));
    }

    /// <summary>Whether two needs fall in one block (and so are compared): they share two key words, or one key word and
    /// one of their first <see cref="MaxPlaceKeys"/> places — what <see cref="BlockKeys"/> keys on.</summary>
    public static bool ShareABlock(NeedSignature a, NeedSignature b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shared = a.KeyWords().Intersect(b.KeyWords()).Count();
        return shared >= 2 || (shared == 1 && a.Mentions.Take(MaxPlaceKeys).Intersect(b.Mentions.Take(MaxPlaceKeys)).Any());
    }

    /// <summary>(key, need) entries sorted by key: place × top word, and pairs of top words.</summary>
    private static (ulong[] Keys, int[] Ids) BlockKeys(IReadOnlyList<NeedSignature> signatures)
    {
        var counts = new int[signatures.Count + 1];
        var keyWords = new uint[signatures.Count][];
        Parallel.For(0, signatures.Count, i => keyWords[i] = signatures[i].KeyWords());
        for (var i = 0; i < signatures.Count; i++)
        {
            var s = signatures[i];
            var k = keyWords[i].Length;
            counts[i + 1] = counts[i] + (Math.Min(s.Mentions.Length, MaxPlaceKeys) * k) + (k * (k - 1) / 2);
        }
        var keys = new ulong[counts[^1]];
        var ids = new int[counts[^1]];
        Parallel.For(0, signatures.Count, i =>
        {
            var s = signatures[i];
            var words = keyWords[i];
            var at = counts[i];
            for (var p = 0; p < Math.Min(s.Mentions.Length, MaxPlaceKeys); p++)
            {
                var placeKey = TermHash.Mix(s.Mentions[p] | (1UL << 40));
                foreach (var word in words)
                {
                    keys[at] = TermHash.Mix(placeKey ^ ((ulong)word * 31));
                    ids[at++] = i;
                }
            }
            for (var a = 0; a < words.Length; a++)
            {
                for (var b = a + 1; b < words.Length; b++)
                {
                    var (u, v) = words[a] < words[b] ? (words[a], words[b]) : (words[b], words[a]);
                    keys[at] = TermHash.Mix(u + ((ulong)v * 0x9E3779B97F4A7C15UL) + 7);
                    ids[at++] = i;
                }
            }
        });
        Array.Sort(keys, ids);
        return (keys, ids);
    }
}
