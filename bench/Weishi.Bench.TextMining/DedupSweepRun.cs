using System.Globalization;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Quality;
using Weishi.TextMining.Text;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Threshold sweep of the paraphrase stage on several labelled development files at once: pairs are counted over
/// all files (each file grouped on its own). Prints every setting that keeps pooled precision at 90 % or more, best
/// recall last. For tuning on development sets only — never on a blind test set.
/// </summary>
public static class DedupSweepRun
{
    public static void Run(IReadOnlyList<string> files)
    {
        var sets = files.Select(f =>
        {
            var rows = File.ReadLines(f).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
            var texts = rows.Select(n => n[0]).ToList();
            var signatures = texts.Select(t => NeedSignature.Of(t, TextAnalyzer.Default, CategoryClassifier.Default.Classify(t).Category)).ToList();
            PlaceMentions.Assign(signatures, [.. texts.Select(t => Shingles.Of(t))]);
            return (Texts: texts, Signatures: signatures, Labels: rows.Select(n => n.Length > 2 ? n[2] : "").ToList());
        }).ToList();
        var results = new List<(double Recall, string Line)>();
        var byF1 = new List<(double F1, string Line)>();
        foreach (var shared in new[] { 0.25, 0.3, 0.35, 0.4, 0.45, 0.5 })
        foreach (var one in new[] { 0.6, 0.7, 0.8, 0.9, 1.01 })
        foreach (var no in new[] { 0.6, 0.7, 0.8, 0.9, 1.01 })
        {
            int correct = 0, predicted = 0, truePairs = 0;
            var perSet = "";
            foreach (var (texts, signatures, labels) in sets)
            {
                var detector = new DuplicateDetector { Paraphrases = new ParaphraseLinker { SharedPlace = shared, OnePlace = one, NoPlace = no } };
                var (p, r, c, pr, tr) = QualityMetrics.DuplicatePairs(labels, detector.FindGroups(texts, signatures).GroupOf);
                (correct, predicted, truePairs) = (correct + c, predicted + pr, truePairs + tr);
                perSet += string.Create(CultureInfo.InvariantCulture, $"  {p:P0}/{r:P0}");
            }
            var (precision, recall) = ((double)correct / Math.Max(1, predicted), (double)correct / truePairs);
            var line = string.Create(CultureInfo.InvariantCulture, $"shared {shared:F2} one {one:F2} no {no:F2}: pooled {precision:P1}/{recall:P1}; per file{perSet}");
            if (precision >= 0.9) results.Add((recall, line));
            byF1.Add((2 * precision * recall / Math.Max(1e-9, precision + recall), line));
        }
        Console.WriteLine("best recall at pooled precision ≥ 90 %:");
        foreach (var (_, line) in results.OrderBy(r => r.Recall).TakeLast(5)) Console.WriteLine("  " + line);
        Console.WriteLine("best F1:");
        foreach (var (_, line) in byF1.OrderBy(r => r.F1).TakeLast(5)) Console.WriteLine("  " + line);
    }
}
