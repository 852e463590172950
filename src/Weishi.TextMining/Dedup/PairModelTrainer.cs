namespace Weishi.TextMining.Dedup;

/// <summary>A labelled set of needs: rows with the same non-empty group are one need.</summary>
public sealed record LabelledNeeds(string Name, IReadOnlyList<string> Texts, IReadOnlyList<string> Groups);

/// <summary>
/// Trains the <see cref="PairModel"/>: every pair of needs within a labelled set that could be duplicates at all
/// (<see cref="PairFeatures.Compute"/>) is an example, labelled by whether the two share a group. Boosting on the
/// logistic loss with regression trees of depth <see cref="Depth"/>, split points from quantile bins; deterministic.
/// </summary>
public sealed partial class PairModelTrainer
{
    public int TreeCount { get; init; } = 60;

    public int Depth { get; init; } = 3;

    public double LearningRate { get; init; } = 0.25;

    public int MinLeaf { get; init; } = 30;

    /// <summary>Added to a leaf's hessian sum: larger values move leaves less on few examples.</summary>
    public double L2 { get; init; } = 1;

    private const int Bins = 32;

    /// <summary>The examples of one set: features and whether the two needs are one.</summary>
    public static List<(double[] Features, bool Same)> Examples(LabelledNeeds set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var (signatures, shingles) = Prepare(set.Texts, null, null);
        var examples = new List<(double[], bool)>();
        for (var i = 0; i < set.Texts.Count; i++)
        {
            for (var j = i + 1; j < set.Texts.Count; j++)
            {
                var x = new double[PairFeatures.Count];
                if (!PairFeatures.Compute(set.Texts[i], shingles[i], signatures[i], set.Texts[j], shingles[j], signatures[j], x)) continue;
                examples.Add((x, set.Groups[i].Length > 0 && set.Groups[i] == set.Groups[j]));
            }
        }
        return examples;
    }

    /// <summary>The texts as one corpus, as the detector sees its needs: signatures, shingles, and places learned across
    /// them (with <paramref name="analyzer"/>'s segmentation and added places; the shipped analyzer when null).</summary>
    private static (NeedSignature[] Signatures, List<uint[]> Shingles) Prepare(IReadOnlyList<string> texts, Classification.CategoryClassifier? classifier,
        Text.TextAnalyzer? analyzer)
    {
        var detector = new DuplicateDetector { Classifier = classifier ?? Classification.CategoryClassifier.Default, Analyzer = analyzer ?? Text.TextAnalyzer.Default };
        var signatures = detector.Signatures(texts.Cast<string?>().ToList());
        var shingles = texts.Select(t => Shingles.Of(t)).ToList();
        if (analyzer is null) PlaceMentions.Assign(signatures, shingles);
        else PlaceMentions.Assign(signatures, shingles, analyzer);
        return (signatures, shingles);
    }

    public PairModel Train(IReadOnlyList<LabelledNeeds> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var examples = new List<(double[] Features, bool Same)>();
        var trainedOn = new List<string>();
        foreach (var set in sets)
        {
            var ofSet = Examples(set);
            examples.AddRange(ofSet);
            trainedOn.Add($"{set.Name}: {ofSet.Count} pairs, {ofSet.Count(e => e.Same)} duplicates");
        }
        return new PairModel(Boost(examples), trainedOn);
    }

    /// <summary>New trees; without <paramref name="start"/> from the prior (the first tree), else from those log-odds.</summary>
    private List<PairModel.Node[]> Boost(List<(double[] Features, bool Same)> examples, double[]? start = null)
    {
        var n = examples.Count;
        var d = PairFeatures.Count;
        var positives = examples.Count(e => e.Same);
        var prior = Math.Log((positives + 1.0) / (n - positives + 1.0));
        var cuts = new double[d][];
        var bin = new byte[d][];
        for (var f = 0; f < d; f++)
        {
            var values = examples.Select(e => e.Features[f]).Order().ToArray();
            cuts[f] = [.. Enumerable.Range(1, Bins - 1).Select(q => values[q * (n - 1) / Bins]).Distinct()];
            bin[f] = new byte[n];
            for (var i = 0; i < n; i++)
            {
                var b = 0;
                while (b < cuts[f].Length && examples[i].Features[f] > cuts[f][b]) b++;
                bin[f][i] = (byte)b;
            }
        }
        var score = new double[n];
        if (start is null) Array.Fill(score, prior);
        else start.CopyTo(score, 0);
        var trees = start is null ? new List<PairModel.Node[]> { new[] { new PairModel.Node(-1, 0, 0, 0, prior) } } : [];
        var gradient = new double[n];
        var hessian = new double[n];
        for (var t = 0; t < TreeCount; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-score[i]));
                gradient[i] = (examples[i].Same ? 1 : 0) - p;
                hessian[i] = Math.Max(p * (1 - p), 1e-6);
            }
            var nodes = new List<PairModel.Node>();
            Grow([.. Enumerable.Range(0, n)], 0, nodes, cuts, bin, gradient, hessian);
            var tree = nodes.ToArray();
            trees.Add(tree);
            for (var i = 0; i < n; i++) score[i] += PairModel.Evaluate(tree, examples[i].Features);
        }
        return trees;
    }

    private int Grow(int[] rows, int level, List<PairModel.Node> nodes, double[][] cuts, byte[][] bin, double[] gradient, double[] hessian)
    {
        var at = nodes.Count;
        nodes.Add(default);
        double g = 0, h = 0;
        foreach (var r in rows) (g, h) = (g + gradient[r], h + hessian[r]);
        var leaf = new PairModel.Node(-1, 0, 0, 0, LearningRate * g / (h + L2));
        if (level == Depth || rows.Length < 2 * MinLeaf)
        {
            nodes[at] = leaf;
            return at;
        }
        var (bestGain, bestFeature, bestBin) = (0.0, -1, 0);
        var parent = g * g / (h + L2);
        var histogramG = new double[Bins];
        var histogramH = new double[Bins];
        var histogramN = new int[Bins];
        for (var f = 0; f < cuts.Length; f++)
        {
            Array.Clear(histogramG);
            Array.Clear(histogramH);
            Array.Clear(histogramN);
            var column = bin[f];
            foreach (var r in rows)
            {
                histogramG[column[r]] += gradient[r];
                histogramH[column[r]] += hessian[r];
                histogramN[column[r]]++;
            }
            double gl = 0, hl = 0;
            var nl = 0;
            for (var b = 0; b < cuts[f].Length; b++)
            {
                (gl, hl, nl) = (gl + histogramG[b], hl + histogramH[b], nl + histogramN[b]);
                if (nl < MinLeaf || rows.Length - nl < MinLeaf) continue;
                var gain = (gl * gl / (hl + L2)) + ((g - gl) * (g - gl) / (h - hl + L2)) - parent;
                if (gain > bestGain) (bestGain, bestFeature, bestBin) = (gain, f, b);
            }
        }
        if (bestFeature < 0)
        {
            nodes[at] = leaf;
            return at;
        }
        var left = Grow([.. rows.Where(r => bin[bestFeature][r] <= bestBin)], level + 1, nodes, cuts, bin, gradient, hessian);
        var right = Grow([.. rows.Where(r => bin[bestFeature][r] > bestBin)], level + 1, nodes, cuts, bin, gradient, hessian);
        nodes[at] = new PairModel.Node(bestFeature, cuts[bestFeature][bestBin], left, right, 0);
        return at;
    }
}
