using System.Diagnostics;
using JiebaNet.Segmenter;
using Weishi.TextMining.Segmentation;
using Token = Weishi.TextMining.Segmentation.Token;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Stopwatch and CPU-time check of segmentation throughput: jieba.NET vs ours on the same corpus,
/// and ours single-thread vs parallel on the full corpus. CPU time is reported too because on a shared
/// machine wall time mostly measures the neighbours.
/// </summary>
public static class ThroughputRun
{
    public static void Run(int megabytes)
    {
        var corpus = CorpusBuilder.BuildMegabytes(megabytes);
        var slice = CorpusBuilder.BuildMegabytes(1, seed: 99);
        var segmenter = ChineseSegmenter.Default;
        var jieba = new JiebaSegmenter();
        jieba.LoadUserDict(Path.Combine(AppContext.BaseDirectory, "userdict.txt"));
        var tokens = new List<Token>();

        var chars = corpus.Sum(t => (long)t.Length);
        // jieba.NET runs over the whole corpus too (≈ 5 s a pass), so the ratio is on the same texts in the same process.
        var (jiebaWall, jiebaCpu) = Best(() =>
        {
            foreach (var text in corpus) _ = jieba.Cut(text).Count();
        }, warmups: 1, runs: 2, warmup: () =>
        {
            foreach (var text in slice) _ = jieba.Cut(text).Count();
        });
        var (cutWall, cutCpu) = Best(() =>
        {
            foreach (var text in corpus) _ = segmenter.Cut(text).Count;
        });
        var (singleWall, singleCpu) = Best(() =>
        {
            foreach (var text in corpus)
            {
                tokens.Clear();
                segmenter.Segment(text, tokens);
            }
        });
        Console.WriteLine($"{chars:N0} chars, 1 thread: jieba.NET {Rate(chars, jiebaWall)} wall / {Rate(chars, jiebaCpu)} cpu; " +
            $"ours Cut (strings) {Rate(chars, cutWall)} wall / {Rate(chars, cutCpu)} cpu = {jiebaWall / cutWall:F1}× wall, {jiebaCpu / cutCpu:F1}× cpu; " +
            $"ours Segment (spans) {Rate(chars, singleWall)} wall / {Rate(chars, singleCpu)} cpu = {jiebaWall / singleWall:F1}× wall, {jiebaCpu / singleCpu:F1}× cpu");
        var (parallelWall, parallelCpu) = Best(() => segmenter.SegmentMany(corpus, (_, _, _) => { }));
        Console.WriteLine($"{chars:N0} chars, ours Segment: 1 thread {Rate(chars, singleWall)} wall ({singleCpu:F2} s cpu); " +
            $"{Environment.ProcessorCount} threads {Rate(chars, parallelWall)} wall ({parallelCpu:F2} s cpu); speed-up {singleWall / parallelWall:F2}×");
    }

    private static string Rate(long chars, double seconds) => $"{chars / seconds / 1e6:F1} M chars/s";

    /// <summary>Best wall time of the runs after the warm-ups, and the CPU time of that run.</summary>
    private static (double Wall, double Cpu) Best(Action action, int warmups = 5, int runs = 3, Action? warmup = null)
    {
        for (var i = 0; i < warmups; i++) (warmup ?? action)(); // let tiered JIT promote the hot loops first
        var best = (Wall: double.MaxValue, Cpu: 0.0);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            action();
            var wall = stopwatch.Elapsed.TotalSeconds;
            process.Refresh();
            if (wall < best.Wall) best = (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        return best;
    }
}
