using System.Globalization;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Quality;
using Weishi.TextMining.Text;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Duplicate detection on a labelled development file (text, category, dup_group): precision and recall with and
/// without the paraphrase stage, a threshold sweep, and the pairs it gets wrong (MISSB: a missed pair that shares no
/// block key, so it was never a candidate). For tuning on a dev set only.
/// </summary>
public static class DedupRun
{
    public static void Run(string path, bool details)
    {
        var file = LabelledFile.Read(path);
        var (texts, labels) = (file.Texts, file.Groups);
        Report("stage one only", labels, new DuplicateDetector { FindParaphrases = false }.FindGroups(texts));
        var both = new DuplicateDetector().FindGroups(texts);
        Report("both stages", labels, both);

        var signatures = new DuplicateDetector().Signatures(texts);
        Console.WriteLine("sweep of the link probability (merge floor 0.3): precision / recall");
        var line = "  ";
        foreach (var link in new[] { 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7 })
        {
            var detector = new DuplicateDetector { Paraphrases = new ParaphraseLinker { Threshold = link } };
            var (p, r, _, _, _) = QualityMetrics.DuplicatePairs(labels, detector.FindGroups(texts, signatures).GroupOf);
            line += string.Create(CultureInfo.InvariantCulture, $"  {link:F2}→{p:P0}/{r:P0}");
        }
        Console.WriteLine(line);
        if (!details) return;
        var linker = new ParaphraseLinker();
        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = i + 1; j < texts.Count; j++)
            {
                var same = labels[i].Length > 0 && labels[i] == labels[j];
                var predicted = both.GroupOf[i] >= 0 && both.GroupOf[i] == both.GroupOf[j];
                var probability = linker.Probability(texts[i], signatures[i], texts[j], signatures[j]);
                if (same == predicted && !(same == false && probability >= 0.2)) continue;
                var kind = same ? (predicted ? "ok  " : "MISS") : (predicted ? "FALSE" : "neg ");
                if (same && !predicted && !ParaphraseLinker.ShareABlock(signatures[i], signatures[j])) kind = "MISSB";
                Console.WriteLine($"{kind} p {probability?.ToString("F2", CultureInfo.InvariantCulture) ?? "-"} cos {NeedSignature.Similarity(signatures[i], signatures[j]):F2} " +
                    $"[{string.Join(",", PlaceNames.Of(texts[i]))}] {texts[i]} || [{string.Join(",", PlaceNames.Of(texts[j]))}] {texts[j]}");
            }
        }
    }

    private static void Report(string name, List<string> labels, DuplicateGroups groups)
    {
        var (p, r, _, _, _) = QualityMetrics.DuplicatePairs(labels, groups.GroupOf);
        Console.WriteLine($"{name}: precision {p:P1}, recall {r:P1}; links {groups.Links.Count(l => l.Stage == DuplicateStage.Shingles)} by shingles, " +
            $"{groups.Links.Count(l => l.Stage == DuplicateStage.Paraphrase)} by paraphrase");
    }
}

/// <summary>Duplicate detection alone on N generated needs: stage one only, then both stages, with candidate counts.</summary>
public static class DedupSpeedRun
{
    public static void Run(int count)
    {
        var texts = CorpusBuilder.Build(count).Cast<string?>().ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var one = new DuplicateDetector { FindParaphrases = false }.FindGroups(texts);
        Console.WriteLine($"stage one only: {watch.Elapsed.TotalSeconds:F1} s, {one.Groups.Count:N0} groups");
        watch.Restart();
        var detector = new DuplicateDetector();
        var signatures = detector.Signatures(texts);
        Console.WriteLine($"signatures with categories: {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        var both = detector.FindGroups(texts, signatures);
        Console.WriteLine($"both stages: {watch.Elapsed.TotalSeconds:F1} s, {both.Groups.Count:N0} groups, " +
            $"{detector.Paraphrases.CandidatePairs:N0} paraphrase candidates verified, {detector.Paraphrases.LikelyPairs:N0} likely, {both.Links.Count(l => l.Stage == DuplicateStage.Paraphrase):N0} paraphrase links");
    }
}
