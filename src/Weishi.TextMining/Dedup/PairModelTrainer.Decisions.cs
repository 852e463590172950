using Weishi.TextMining.Classification;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>Learning from staff decisions on suggested duplicate groups (<see cref="LabelledPair"/>).</summary>
public sealed partial class PairModelTrainer
{
    /// <summary>
    /// The shipped model continued by boosting on the decisions: new trees fitted only on the decided pairs, starting
    /// from the shipped model's log-odds, so nothing but the decisions is needed. Deterministic. The pairs are segmented
    /// with <paramref name="analyzer"/> (the shipped one when null): give the one the mining runs use.
    /// </summary>
    public static PairModel Retrain(IReadOnlyList<LabelledPair> decisions, CategoryClassifier? classifier = null, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count == 0) throw new ArgumentException("no decisions to learn from", nameof(decisions));
        return ForDecisions(decisions.Count).Continue(PairModel.Default, decisions, classifier, analyzer);
    }

    /// <summary>The settings <see cref="Retrain"/> uses for this many decisions (bench/textmining.md §7).</summary>
    public static PairModelTrainer ForDecisions(int count) => new()
    {
        TreeCount = 20,
        Depth = 1,
        LearningRate = 0.2,
        MinLeaf = Math.Clamp(count / 20, 5, 30),
        L2 = 5,
    };

    /// <summary>The probability of each pair under <paramref name="model"/>; null where the pair can never be linked.</summary>
    public static double?[] Probabilities(PairModel model, IReadOnlyList<LabelledPair> pairs, CategoryClassifier? classifier = null, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. Features(pairs, classifier, analyzer).Select(x => x is null ? (double?)null : model.Probability(x))];
    }

    /// <summary><paramref name="start"/> with trees added that fit the decisions (those that can be linked at all).</summary>
    public PairModel Continue(PairModel start, IReadOnlyList<LabelledPair> decisions, CategoryClassifier? classifier = null, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        var examples = Examples(decisions, classifier, analyzer);
        var trees = examples.Count == 0 ? [] : Boost(examples, [.. examples.Select(e => start.Score(e.Features))]);
        return new PairModel([.. start.Trees, .. trees], [.. start.TrainedOn, DecisionsLine(decisions, examples.Count)]);
    }

    /// <summary>
    /// From scratch on the labelled sets plus the decisions, each counted <paramref name="weight"/> times: the alternative
    /// the bench's feedback study measured against <see cref="Retrain"/> (it did no better and needs the sets).
    /// </summary>
    public PairModel Train(IReadOnlyList<LabelledNeeds> sets, IReadOnlyList<LabelledPair> decisions, int weight, CategoryClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var examples = sets.SelectMany(Examples).ToList();
        var decided = Examples(decisions, classifier);
        for (var copy = 0; copy < weight; copy++) examples.AddRange(decided);
        return new PairModel(Boost(examples), [.. sets.Select(s => s.Name), DecisionsLine(decisions, decided.Count) + $", weight {weight}"]);
    }

    public static List<(double[] Features, bool Same)> Examples(IReadOnlyList<LabelledPair> decisions, CategoryClassifier? classifier = null, TextAnalyzer? analyzer = null)
    {
        var features = Features(decisions, classifier, analyzer);
        return [.. features.Zip(decisions).Where(p => p.First is not null).Select(p => (p.First!, p.Second.Same))];
    }

    private static string DecisionsLine(IReadOnlyList<LabelledPair> decisions, int usable) =>
        $"staff decisions: {decisions.Count} pairs, {decisions.Count(d => d.Same)} duplicates, {usable} comparable";

    /// <summary>The features of each pair, null where the gate of <see cref="PairFeatures.Compute"/> rejects it.</summary>
    private static double[]?[] Features(IReadOnlyList<LabelledPair> pairs, CategoryClassifier? classifier, TextAnalyzer? analyzer)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var texts = pairs.SelectMany(p => new[] { p.TextA, p.TextB }).Distinct(StringComparer.Ordinal).ToList();
        var index = texts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var (signatures, shingles) = Prepare(texts, classifier, analyzer);
        var features = new double[]?[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            var (a, b) = (index[pairs[k].TextA], index[pairs[k].TextB]);
            var x = new double[PairFeatures.Count];
            features[k] = PairFeatures.Compute(texts[a], shingles[a], signatures[a], texts[b], shingles[b], signatures[b], x) ? x : null;
        }
        return features;
    }
}
