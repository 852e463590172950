using Weishi.TextMining.Features;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Classification;

/// <summary>
/// Trains <see cref="CategoryModel"/> by mini-batch-free SGD with L2 decay; deterministic for a seed.
/// Defaults chosen by 5-fold cross-validation on the training set (bench/textmining.md §3): long training
/// with fairly strong decay generalises better to differently written needs than short, weakly decayed runs.
/// </summary>
public sealed class ModelTrainer(TextAnalyzer analyzer)
{
    public int Epochs { get; init; } = 80;
    public double LearningRate { get; init; } = 2;
    public double L2 { get; init; } = 1e-3;
    public int Seed { get; init; } = 20240601;

    public CategoryModel Train(IEnumerable<LabelledText> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var classes = Categories.All;
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var data = new List<(SparseVector X, int Y)>();
        var terms = new List<Token>();
        foreach (var example in examples)
        {
            if (!classIndex.TryGetValue(example.Category, out var y) || string.IsNullOrWhiteSpace(example.Text)) continue;
            terms.Clear();
            analyzer.CollectTerms(example.Text, terms);
            data.Add((FeatureHasher.ForClassification(example.Text, terms), y));
        }
        if (data.Count == 0) throw new ArgumentException("No usable labelled examples.", nameof(examples));

        var c = classes.Count;
        var weights = new float[FeatureHasher.Dimension * c];
        var bias = new float[c];
        var random = new Random(Seed);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var probabilities = new double[c];
        var model = new CategoryModel(classes, weights, bias);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + (epoch * 0.1));
            foreach (var index in order)
            {
                var (x, y) = data[index];
                model.Predict(x, probabilities);
                for (var k = 0; k < c; k++)
                {
                    var gradient = probabilities[k] - (k == y ? 1 : 0);
                    bias[k] -= (float)(rate * gradient);
                    for (var i = 0; i < x.Count; i++)
                    {
                        var w = x.Indices[i] * c + k;
                        weights[w] -= (float)(rate * ((gradient * x.Values[i]) + (L2 * weights[w])));
                    }
                }
            }
        }
        return model;
    }
}
