using System.Globalization;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Quality;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Sweep of the paraphrase stage's link and merge probabilities on several labelled development files at once: pairs are counted over
/// all files (each file grouped on its own). Prints the five settings with the best recall among those keeping pooled
/// precision at 90 % or more, and the five with the best F1. For tuning on development sets only — never on a blind
/// test set.
/// </summary>
public static class DedupSweepRun
{
    public static void Run(IReadOnlyList<string> files)
    {
        var sets = files.Select(f =>
        {
            var file = LabelledFile.Read(f);
            return (Texts: file.Texts.Cast<string?>().ToList(), Shingles: file.Texts.Select(t => Shingles.Of(t)).ToList(), Signatures: new DuplicateDetector().Signatures(file.Texts), Labels: file.Groups);
        }).ToList();
        var results = new List<(double Recall, string Line)>();
        var byF1 = new List<(double F1, string Line)>();
        foreach (var link in new[] { 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7 })
        foreach (var merge in new[] { 0.2, 0.3, 0.4 })
        {
            int correct = 0, predicted = 0, truePairs = 0;
            var perSet = "";
            foreach (var (texts, shingles, signatures, labels) in sets)
            {
                var detector = new DuplicateDetector { Paraphrases = new ParaphraseLinker { Threshold = link, MergeFloor = merge } };
                var (p, r, c, pr, tr) = QualityMetrics.DuplicatePairs(labels, detector.FindGroups(texts, shingles, signatures).GroupOf);
                (correct, predicted, truePairs) = (correct + c, predicted + pr, truePairs + tr);
                perSet += string.Create(CultureInfo.InvariantCulture, $"  {p:P0}/{r:P0}");
            }
            var (precision, recall) = ((double)correct / Math.Max(1, predicted), (double)correct / truePairs);
            var line = string.Create(CultureInfo.InvariantCulture, $"link {link:F2} merge {merge:F2}: pooled {precision:P1}/{recall:P1}; per file{perSet}");
            if (precision >= 0.9) results.Add((recall, line));
            byF1.Add((2 * precision * recall / Math.Max(1e-9, precision + recall), line));
        }
        Console.WriteLine("best recall at pooled precision ≥ 90 %:");
        foreach (var (_, line) in results.OrderBy(r => r.Recall).TakeLast(5)) Console.WriteLine("  " + line);
        Console.WriteLine("best F1:");
        foreach (var (_, line) in byF1.OrderBy(r => r.F1).TakeLast(5)) Console.WriteLine("  " + line);
    }
}
