using System.Globalization;
using System.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// How likely two needs are one need, from their <see cref="PairFeatures"/>: gradient-boosted regression trees on the
/// logistic loss, trained by <see cref="PairModelTrainer"/> on the labelled development sets. The shipped model
/// (<c>Data/pairs.model</c>, text) is rebuilt with the bench's <c>build-pair-model</c> verb whenever the concept
/// table, the place rules or the sets change; a test checks that it is the model those sets train.
/// </summary>
public sealed class PairModel
{
    internal const string Magic = "weishi-pair-model 1";
    internal const string ShippedResource = "pairs.model";

    private static readonly Lazy<PairModel> LazyDefault = new(() => EmbeddedResources.Exists(ShippedResource)
        ? Parse(EmbeddedResources.ReadAll(ShippedResource))
        : throw new InvalidOperationException("Data/pairs.model is missing: build it with the bench's build-pair-model verb"));

    public static PairModel Default => LazyDefault.Value;

    /// <summary>Each tree's nodes: a split (feature ≥ 0, threshold, children) or a leaf (feature −1, value).</summary>
    internal IReadOnlyList<Node[]> Trees { get; }

    /// <summary>What the model was trained on (file names, pair counts): written at the top of the saved model.</summary>
    public IReadOnlyList<string> TrainedOn { get; }

    internal readonly record struct Node(int Feature, double Threshold, int Left, int Right, double Value);

    internal PairModel(IReadOnlyList<Node[]> trees, IReadOnlyList<string> trainedOn)
    {
        Trees = trees;
        TrainedOn = trainedOn;
        // All trees' nodes in one array with absolute child indices: a pair is scored a few million times per run.
        var offset = 0;
        _roots = new int[trees.Count];
        _nodes = new Node[trees.Sum(t => t.Length)];
        for (var t = 0; t < trees.Count; t++)
        {
            _roots[t] = offset;
            foreach (var n in trees[t]) _nodes[offset++] = n.Feature < 0 ? n : n with { Left = n.Left + _roots[t], Right = n.Right + _roots[t] };
        }
    }

    private readonly Node[] _nodes;
    private readonly int[] _roots;

    public double Probability(ReadOnlySpan<double> features) => 1 / (1 + Math.Exp(-Score(features)));

    /// <summary>The log-odds that the two needs are one: the sum of the trees' leaves.</summary>
    internal double Score(ReadOnlySpan<double> features)
    {
        double score = 0;
        var nodes = _nodes;
        foreach (var root in _roots)
        {
            var k = root;
            while (nodes[k].Feature >= 0) k = features[nodes[k].Feature] <= nodes[k].Threshold ? nodes[k].Left : nodes[k].Right;
            score += nodes[k].Value;
        }
        return score;
    }

    internal static double Evaluate(Node[] tree, ReadOnlySpan<double> features)
    {
        var k = 0;
        while (tree[k].Feature >= 0) k = features[tree[k].Feature] <= tree[k].Threshold ? tree[k].Left : tree[k].Right;
        return tree[k].Value;
    }

    public string Save()
    {
        var text = new StringBuilder().Append(Magic).Append('\n');
        foreach (var line in TrainedOn) text.Append("# ").Append(line).Append('\n');
        text.Append("features ").AppendJoin(' ', PairFeatures.Names).Append('\n');
        foreach (var tree in Trees)
        {
            text.Append("tree ").Append(tree.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var n in tree)
                text.Append(CultureInfo.InvariantCulture, $"{n.Feature} {n.Threshold:R} {n.Left} {n.Right} {n.Value:R}\n");
        }
        return text.ToString();
    }

    public static PairModel Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != Magic) throw new FormatException("not a Weishi pair model");
        var trainedOn = lines.Where(l => l.StartsWith("# ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        var features = lines.First(l => l.StartsWith("features ", StringComparison.Ordinal))["features ".Length..];
        if (features != string.Join(' ', PairFeatures.Names)) throw new FormatException("the pair model was trained on other features: rebuild it");
        var trees = new List<Node[]>();
        for (var at = 0; at < lines.Length; at++)
        {
            if (!lines[at].StartsWith("tree ", StringComparison.Ordinal)) continue;
            var nodes = new Node[int.Parse(lines[at][5..], CultureInfo.InvariantCulture)];
            for (var k = 0; k < nodes.Length; k++)
            {
                var f = lines[at + 1 + k].Split(' ');
                nodes[k] = new Node(int.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture),
                    int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
            }
            trees.Add(nodes);
            at += nodes.Length;
        }
        return new PairModel(trees, trainedOn);
    }
}
