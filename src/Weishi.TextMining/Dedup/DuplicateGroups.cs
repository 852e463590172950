namespace Weishi.TextMining.Dedup;

/// <summary>
/// Near-duplicate groups: <see cref="GroupOf"/> gives each text's group number, or −1 when the text
/// has no near-duplicate; <see cref="Groups"/> lists each group's member indices in ascending order.
/// </summary>
public sealed record DuplicateGroups(int[] GroupOf, IReadOnlyList<int[]> Groups)
{
    /// <summary>The pairs that joined groups, with the stage that matched each (a group's spanning tree).</summary>
    public IReadOnlyList<DuplicateLink> Links { get; init; } = [];

    public static DuplicateGroups From(UnionFind sets, int count)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var groupOf = new int[count];
        var groupOfRoot = new Dictionary<int, int>();
        var members = new List<List<int>>();
        for (var i = 0; i < count; i++)
        {
            if (sets.SizeOf(i) < 2)
            {
                groupOf[i] = -1;
                continue;
            }
            var root = sets.Find(i);
            if (!groupOfRoot.TryGetValue(root, out var g))
            {
                g = members.Count;
                groupOfRoot[root] = g;
                members.Add([]);
            }
            groupOf[i] = g;
            members[g].Add(i);
        }
        return new DuplicateGroups(groupOf, [.. members.Select(m => m.ToArray())]);
    }
}
