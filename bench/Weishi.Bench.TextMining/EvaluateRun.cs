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
        var file = LabelledFile.Read(path);
        var classifier = trainingCount is { } count
            ? new CategoryClassifier(new ModelTrainer(TextAnalyzer.Default).Train(LabelledText.BuiltInTrainingSet().Take(count)), TextAnalyzer.Default)
            : CategoryClassifier.Default;
        var predicted = file.Texts.Select(t => classifier.Classify(t).Category).ToList();
        CrossValidationRun.Report($"{file.Texts.Count} needs, model trained on {trainingCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all (shipped)"} examples",
            file.Categories, predicted);
        if (file.Groups.Any(g => g.Length > 0)) ReportDuplicates(file);
    }

    private static void ReportDuplicates(LabelledFile file)
    {
        var groups = new DuplicateDetector().FindGroups(file.Texts);
        var (precision, recall, correct, predicted, labelled) = QualityMetrics.DuplicatePairs(file.Groups, groups.GroupOf);
        Console.WriteLine($"duplicates: precision {precision:P1} ({correct} of {predicted} predicted pairs), recall {recall:P1} ({correct} of {labelled} labelled pairs)");
    }
}
