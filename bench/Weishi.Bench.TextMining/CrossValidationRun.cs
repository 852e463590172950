using System.Globalization;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Quality;
using Weishi.TextMining.Text;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Classifier estimates that never touch the test set: k-fold cross-validation on the training set, and a
/// hold-out run that trains on the first N training examples and scores the examples written after them.
/// </summary>
public static class CrossValidationRun
{
    public static void Run(int folds, ModelTrainer? trainer = null)
    {
        trainer ??= new ModelTrainer(TextAnalyzer.Default);
        var examples = LabelledText.BuiltInTrainingSet().ToArray();
        new Random(1).Shuffle(examples);
        var expected = new List<string>();
        var predicted = new List<string>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = examples.Where((_, i) => i % folds != fold);
            var model = trainer.Train(train);
            var classifier = new CategoryClassifier(model, TextAnalyzer.Default);
            foreach (var example in examples.Where((_, i) => i % folds == fold))
            {
                expected.Add(example.Category);
                predicted.Add(classifier.Classify(example.Text).Category);
            }
        }
        Report($"{folds}-fold cross-validation on {examples.Length} training examples", expected, predicted);
    }

    public static void HoldOut(int trainingCount, ModelTrainer? trainer = null)
    {
        trainer ??= new ModelTrainer(TextAnalyzer.Default);
        var examples = LabelledText.BuiltInTrainingSet();
        var classifier = new CategoryClassifier(trainer.Train(examples.Take(trainingCount)), TextAnalyzer.Default);
        var rest = examples.Skip(trainingCount).ToList();
        Report($"hold-out: trained on the first {trainingCount} training examples, scored on the {rest.Count} after them",
            [.. rest.Select(e => e.Category)], [.. rest.Select(e => classifier.Classify(e.Text).Category)]);
    }

    /// <summary>Accuracy, macro-F1, per-category F1 and the most frequent confusions.</summary>
    public static void Report(string what, List<string> expected, List<string> predicted)
    {
        var score = QualityMetrics.Classification(expected, predicted, Categories.All);
        Console.WriteLine($"{what}: accuracy {score.Accuracy:P1}, macro-F1 {score.MacroF1:F3}");
        Console.WriteLine("per-category F1: " + string.Join(", ", score.F1.Select(x => $"{x.Key} {x.Value.ToString("F3", CultureInfo.InvariantCulture)}")));
        var confusions = expected.Zip(predicted).Where(p => p.First != p.Second)
            .GroupBy(p => $"{p.First} → {p.Second}").OrderByDescending(g => g.Count()).Take(12);
        Console.WriteLine("most frequent confusions (expected → predicted): " + string.Join(", ", confusions.Select(g => $"{g.Key} {g.Count()}")));
    }
}
