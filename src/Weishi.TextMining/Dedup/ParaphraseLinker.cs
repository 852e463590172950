using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// The second duplicate stage, for the same need put in other words (a resident's complaint and a staff summary).
/// Candidates come from blocks of needs sharing a key — a place and one of the need's top words, or, for every
/// need, two of its top words — so the work grows with N, not N². A block larger than <see cref="BlockCap"/> (a
/// frequent word) is only compared within a sliding window. Each candidate is verified by the similarity of the two
/// <see cref="NeedSignature"/>s (<see cref="NeedSignature.Similarity"/>: concepts, words, facets) against a threshold that
/// depends on what the two say about places: different places never match, a shared place needs
/// <see cref="SharedPlaceThreshold"/>, a pair where one or both name no place needs much more.
/// </summary>
public sealed class ParaphraseLinker
{
    /// <summary>Thresholds chosen with the bench's <c>dedup-sweep</c> on the development sets pooled (dedup_dev, v1–v6; bench/textmining.md §4).</summary>
    public const double SharedPlaceThreshold = 0.30;

    public const double OnePlaceThreshold = 0.90;

    public const double NoPlaceThreshold = 0.80;

    /// <summary>Blocks up to this size are compared pair by pair; larger ones within a window only.</summary>
    public const int BlockCap = 48;

    public const int Window = 4;

    private const double LeaderFactor = 0.8;

    private const int MaxPlaceKeys = 2;

    /// <summary>How many members of a group a merge checks.</summary>
    private const int SampleSize = 4;

    /// <summary>Group pairs remembered as not mergeable (bounds memory on huge templated corpora).</summary>
    private const int MaxRejected = 2_000_000;

    public double SharedPlace { get; init; } = SharedPlaceThreshold;

    public double OnePlace { get; init; } = OnePlaceThreshold;

    public double NoPlace { get; init; } = NoPlaceThreshold;

    /// <summary>How many candidate pairs the last run verified (for tests and the benchmark).</summary>
    public long CandidatePairs { get; private set; }

    /// <summary>Similarity needed for two needs, or null when they cannot be duplicates (different places).</summary>
    public double? ThresholdFor(NeedSignature a, NeedSignature b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (pa, pb) = (a.Mentions.Length > 0, b.Mentions.Length > 0);
        if (pa && pb) return PlaceNames.Compatible(a.Mentions, b.Mentions) ? SharedPlace : null;
        return pa || pb ? OnePlace : NoPlace;
    }

    /// <summary>The pair's similarity when it passes its threshold, else null.</summary>
    public double? Match(NeedSignature a, NeedSignature b)
    {
        if (ThresholdFor(a, b) is not { } threshold) return null;
        var score = NeedSignature.Similarity(a, b);
        return score >= threshold ? score : null;
    }

    /// <summary>Adds paraphrase links to <paramref name="sets"/> (which may already hold stage-one groups).</summary>
    internal void Link(IReadOnlyList<NeedSignature> signatures, UnionFind sets, int[] leader, List<DuplicateLink> links, GroupPlaces places)
    {
        var samples = new Dictionary<int, int[]>();
        var rejected = new HashSet<long>();
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(leader);
        ArgumentNullException.ThrowIfNull(links);
        var (keys, ids) = BlockKeys(signatures);
        CandidatePairs = 0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            var size = end - start;
            if (size > 1)
            {
                var members = ids.AsSpan(start, size);
                members.Sort();
                var window = size <= BlockCap ? size : Window;
                for (var a = 0; a < size; a++)
                {
                    var limit = Math.Min(size, a + 1 + window);
                    for (var b = a + 1; b < limit; b++) TryLink(members[a], members[b], signatures, sets, leader, links, places, samples, rejected);
                }
            }
            start = end;
        }
    }

    private void TryLink(int x, int y, IReadOnlyList<NeedSignature> signatures, UnionFind sets, int[] leader, List<DuplicateLink> links, GroupPlaces places, Dictionary<int, int[]> samples, HashSet<long> rejected)
    {
        if (x == y) return;
        var (rootX, rootY) = (sets.Find(x), sets.Find(y));
        if (rootX == rootY || !places.Compatible(rootX, rootY)) return;
        CandidatePairs++;
        if (Match(signatures[x], signatures[y]) is not { } score) return;
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
                var (sx, sy) = (signatures[mx], signatures[my]);
                if (ThresholdFor(sx, sy) is not { } t || NeedSignature.Similarity(sx, sy) < t * LeaderFactor)
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
