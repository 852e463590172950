using Weishi.TextMining.Classification;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Quality;
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
        CrossValidationRun.Report($"{needs.Count} needs, model trained on {trainingCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all (shipped)"} examples",
            expected, predicted);
        if (needs.All(n => n.Length > 2) && needs.Any(n => n[2].Length > 0)) ReportDuplicates(needs);
    }

    private static void ReportDuplicates(List<string[]> needs)
    {
        var groups = new DuplicateDetector().FindGroups([.. needs.Select(n => n[0])]);
        var (precision, recall, correct, predicted, labelled) = QualityMetrics.DuplicatePairs([.. needs.Select(n => n[2])], groups.GroupOf);
        Console.WriteLine($"duplicates: precision {precision:P1} ({correct} of {predicted} predicted pairs), recall {recall:P1} ({correct} of {labelled} labelled pairs)");
    }
}
