using System.Diagnostics;
using Weishi.TextMining.Pipeline;

namespace Weishi.Bench.TextMining;

/// <summary>Whole pipeline (classification, keywords, dedup, clustering) on N generated needs: wall time and peak memory.</summary>
public static class PipelineRun
{
    public static void Run(int count)
    {
        var texts = CorpusBuilder.Build(count);
        Console.WriteLine($"corpus: {texts.Count:N0} needs, {texts.Sum(t => (long)t.Length):N0} chars");
        var warm = MiningPipeline.Run(texts.Take(1000).ToList());
        Console.WriteLine($"warm-up: {warm.Topics.Count} topics");

        var stopwatch = Stopwatch.StartNew();
        var result = MiningPipeline.Default.Mine(texts);
        stopwatch.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"wall time: {stopwatch.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MB");
        foreach (var (stage, time) in result.StageTimes) Console.WriteLine($"  stage {stage}: {time.TotalSeconds:F1} s");
        Console.WriteLine($"duplicate groups: {result.Duplicates.Groups.Count:N0} covering {result.Duplicates.Groups.Sum(g => g.Length):N0} needs");
        Console.WriteLine($"topics: {result.Topics.Count}");
        foreach (var topic in result.Topics.Take(10)) Console.WriteLine($"  {topic.Size,8:N0}  {topic.Label}");
        foreach (var group in result.Texts.GroupBy(t => t.Category).OrderByDescending(g => g.Count()))
            Console.WriteLine($"  {group.Key,-14}{group.Count(),9:N0}");
    }
}
