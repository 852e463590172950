namespace Weishi.TextMining.Segmentation;

/// <summary>
/// Immutable prefix trie over the dictionary, stored in flat arrays: a direct table for the first
/// character and sorted edge arrays below it, so a walk allocates nothing.
/// </summary>
internal sealed class WordTrie
{
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];
    private readonly List<int> _edgeStart = [];
    private readonly List<int> _edgeCount = [];
    private readonly List<char> _edgeChar = [];
    private readonly List<int> _edgeNode = [];
    private readonly List<int> _frequency = [];
    private readonly int[] _starts;
    private readonly int[] _counts;
    private readonly char[] _chars;
    private readonly int[] _nodes;

    /// <summary>Frequency of the word ending at each node; 0 for a prefix that is not a word.</summary>
    public int[] Frequencies { get; }

    public int NodeCount => Frequencies.Length;

    public WordTrie(IReadOnlyDictionary<string, int> words)
    {
        var sorted = words.Keys.Where(w => w.Length > 0).ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var root = Build(sorted, words, 0, sorted.Length, 0);
        for (var k = 0; k < _edgeCount[root]; k++)
            _rootChildren[_edgeChar[_edgeStart[root] + k]] = _edgeNode[_edgeStart[root] + k];
        _starts = [.. _edgeStart];
        _counts = [.. _edgeCount];
        _chars = [.. _edgeChar];
        _nodes = [.. _edgeNode];
        Frequencies = [.. _frequency];
        _edgeStart.Clear();
        _edgeCount.Clear();
        _edgeChar.Clear();
        _edgeNode.Clear();
        _frequency.Clear();
    }

    /// <summary>Child of the root for <paramref name="c"/>, or 0 when no word starts with it.</summary>
    public int Root(char c) => _rootChildren[c];

    /// <summary>Child of <paramref name="node"/> for <paramref name="c"/>, or 0.</summary>
    public int Next(int node, char c)
    {
        var lo = _starts[node];
        var hi = lo + _counts[node] - 1;
        var chars = _chars;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = chars[mid];
            if (m == c) return _nodes[mid];
            if (m < c) lo = mid + 1;
            else hi = mid - 1;
        }
        return 0;
    }

    /// <summary>Node of the whole <paramref name="text"/>, or 0 when it is not a prefix.</summary>
    public int Find(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        var node = Root(text[0]);
        for (var i = 1; i < text.Length && node != 0; i++) node = Next(node, text[i]);
        return node;
    }

    private int Build(string[] sorted, IReadOnlyDictionary<string, int> words, int lo, int hi, int depth)
    {
        var node = _frequency.Count;
        _frequency.Add(0);
        _edgeStart.Add(0);
        _edgeCount.Add(0);
        if (node == 0)
        {
            // Node 0 is the "absent" marker; the real root lives at 1.
            _frequency.Add(0);
            _edgeStart.Add(0);
            _edgeCount.Add(0);
            node = 1;
        }

        var i = lo;
        if (i < hi && sorted[i].Length == depth)
        {
            _frequency[node] = words[sorted[i]];
            i++;
        }

        var groups = new List<(char C, int Lo, int Hi)>();
        while (i < hi)
        {
            var c = sorted[i][depth];
            var j = i + 1;
            while (j < hi && sorted[j][depth] == c) j++;
            groups.Add((c, i, j));
            i = j;
        }

        var start = _edgeChar.Count;
        _edgeStart[node] = start;
        _edgeCount[node] = groups.Count;
        foreach (var g in groups)
        {
            _edgeChar.Add(g.C);
            _edgeNode.Add(0);
        }
        for (var k = 0; k < groups.Count; k++)
            _edgeNode[start + k] = Build(sorted, words, groups[k].Lo, groups[k].Hi, depth + 1);
        return node;
    }
}
