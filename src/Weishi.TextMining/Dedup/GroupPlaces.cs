namespace Weishi.TextMining.Dedup;

/// <summary>
/// The places each duplicate group mentions (the union over its members), so that a need without a place cannot
/// bridge two groups about different places (竹坑 … ↔ 篮球场灯坏了 ↔ 汤坑 …).
/// </summary>
internal sealed class GroupPlaces(IReadOnlyList<NeedSignature> signatures)
{
    private readonly Dictionary<int, uint[]> _merged = [];

    public uint[] Of(int root) => _merged.TryGetValue(root, out var m) ? m : signatures[root].Mentions;

    public bool Compatible(int rootX, int rootY) => PlaceNames.Compatible(Of(rootX), Of(rootY));

    /// <summary>Call after <c>sets.Union</c> with the two old roots and the new one.</summary>
    public void Merged(int rootX, int rootY, int newRoot)
    {
        var (a, b) = (Of(rootX), Of(rootY));
        _merged.Remove(rootX);
        _merged.Remove(rootY);
        var union = a.Length == 0 ? b : b.Length == 0 ? a : [.. a.Union(b).Order()];
        if (!ReferenceEquals(union, signatures[newRoot].Mentions)) _merged[newRoot] = union;
    }
}
