using Weishi.TextMining.Classification;
using Weishi.TextMining.Dedup;
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
        var perCategory = Categories.All.Select(c =>
        {
            var tp = expected.Zip(predicted).Count(p => p.First == c && p.Second == c);
            var fp = expected.Zip(predicted).Count(p => p.First != c && p.Second == c);
            var fn = expected.Zip(predicted).Count(p => p.First == c && p.Second != c);
            return (Category: c, F1: tp == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn));
        }).ToList();
        var f1 = perCategory.Average(x => x.F1);
        var accuracy = (double)expected.Zip(predicted).Count(p => p.First == p.Second) / expected.Count;
        Console.WriteLine($"{needs.Count} needs, model trained on {trainingCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all (shipped)"} examples: accuracy {accuracy:P1}, macro-F1 {f1:F3}");
        Console.WriteLine("per category F1: " + string.Join(", ", perCategory.Select(x => $"{x.Category} {x.F1:F3}")));
        foreach (var confusion in expected.Zip(predicted).Where(p => p.First != p.Second).GroupBy(p => $"{p.First} → {p.Second}")
                     .OrderByDescending(g => g.Count()).Take(8))
            Console.WriteLine($"  {confusion.Key}: {confusion.Count()}");
        if (needs.All(n => n.Length > 2) && needs.Any(n => n[2].Length > 0)) ReportDuplicates(needs);
    }

    /// <summary>Pairwise precision and recall of the detector's groups against the file's dup_group labels.</summary>
    private static void ReportDuplicates(List<string[]> needs)
    {
        var groups = new DuplicateDetector().FindGroups([.. needs.Select(n => n[0])]);
        int truePairs = 0, predictedPairs = 0, correct = 0;
        for (var i = 0; i < needs.Count; i++)
        {
            for (var j = i + 1; j < needs.Count; j++)
            {
                var isTrue = needs[i][2].Length > 0 && needs[i][2] == needs[j][2];
                var isPredicted = groups.GroupOf[i] >= 0 && groups.GroupOf[i] == groups.GroupOf[j];
                if (isTrue) truePairs++;
                if (isPredicted) predictedPairs++;
                if (isTrue && isPredicted) correct++;
            }
        }
        Console.WriteLine($"duplicates: precision {(predictedPairs == 0 ? 1 : (double)correct / predictedPairs):P1} ({correct} of {predictedPairs} predicted pairs), " +
            $"recall {(truePairs == 0 ? 1 : (double)correct / truePairs):P1} ({correct} of {truePairs} labelled pairs)");
    }
}
