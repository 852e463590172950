using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// Which places each need mentions: the keys of every place name found anywhere in the corpus (plus the district's
/// own names) that occur among the need's character bigrams. A key mentioned by very many needs (more than 20, or 1 %
/// of the corpus) but named with a place word by fewer than half of them is no place but a word that happened to
/// stand before 路 or 村 once, and is dropped; a big estate that many needs name with its place word (悦澜湾 in a
/// community's run) stays a place. The district's names are always kept, the shipped ones and those it added to the
/// analyzer's dictionary (<see cref="ChineseSegmenter.AddedPlaces"/>).
/// </summary>
public static class PlaceMentions
{
    /// <summary>With the shipped places only.</summary>
    public static void Assign(IReadOnlyList<NeedSignature> signatures, IReadOnlyList<uint[]> shingles) =>
        Assign(signatures, shingles, []);

    /// <summary>With the places the analyzer the signatures were made with was given, too.</summary>
    public static void Assign(IReadOnlyList<NeedSignature> signatures, IReadOnlyList<uint[]> shingles, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        Assign(signatures, shingles, analyzer.AddedPlaceKeys);
    }

    private static void Assign(IReadOnlyList<NeedSignature> signatures, IReadOnlyList<uint[]> shingles, HashSet<uint> added)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(shingles);
        var keys = new HashSet<uint>(PlaceNames.KnownKeys);
        keys.UnionWith(added);
        var learned = new HashSet<uint>();
        foreach (var s in signatures)
            foreach (var key in s.PlaceKeys)
                if (!keys.Contains(key)) learned.Add(key);
        keys.UnionWith(learned);
        var mentions = new uint[signatures.Count][];
        var df = new Dictionary<uint, int>();
        Parallel.For(0, signatures.Count, i =>
        {
            List<uint>? found = null;
            foreach (var bigram in shingles[i])
                if (keys.Contains(bigram)) (found ??= []).Add(bigram);
            mentions[i] = found is null ? [] : [.. found];
        });
        foreach (var m in mentions)
            foreach (var key in m) df[key] = df.GetValueOrDefault(key) + 1;
        var cap = Math.Max(20, signatures.Count / 100);
        var frequent = df.Where(p => p.Value > cap && learned.Contains(p.Key)).ToDictionary(p => p.Key, _ => 0);
        if (frequent.Count > 0)
            foreach (var s in signatures)
                foreach (var key in s.PlaceKeys) // distinct per need
                    if (frequent.TryGetValue(key, out var named)) frequent[key] = named + 1;
        var tooCommon = frequent.Where(p => p.Value * 2 < df[p.Key]).Select(p => p.Key).ToHashSet();
        for (var i = 0; i < signatures.Count; i++)
            signatures[i].Mentions = tooCommon.Count == 0 ? mentions[i] : [.. mentions[i].Where(k => !tooCommon.Contains(k))];
    }
}
