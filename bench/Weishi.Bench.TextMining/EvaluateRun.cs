using Weishi.TextMining.Classification;
using Weishi.TextMining.Text;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Classifier quality on a labelled file (text, category, dup_group). With a training count, a model
/// is trained on only the first N built-in examples (e.g. the set as it was before test errors were seen).
/// </summary>
public static class EvaluateRun
{
    public static void Run(string path, int? trainingCount)
    {
        var needs = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        var classifier = trainingCount is { } count
            ? new CategoryClassifier(new ModelTrainer(TextAnalyzer.Default).Train(LabelledText.BuiltInTrainingSet().Take(count)), TextAnalyzer.Default)
            : CategoryClassifier.Default;
        var expected = needs.Select(n => n[1]).ToList();
        var predicted = needs.Select(n => classifier.Classify(n[0]).Category).ToList();
        var f1 = Categories.All.Select(c =>
        {
            var tp = expected.Zip(predicted).Count(p => p.First == c && p.Second == c);
            var fp = expected.Zip(predicted).Count(p => p.First != c && p.Second == c);
            var fn = expected.Zip(predicted).Count(p => p.First == c && p.Second != c);
            return tp == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn);
        }).Average();
        var accuracy = (double)expected.Zip(predicted).Count(p => p.First == p.Second) / expected.Count;
        Console.WriteLine($"{needs.Count} needs, model trained on {trainingCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all (shipped)"} examples: accuracy {accuracy:P1}, macro-F1 {f1:F3}");
    }
}
