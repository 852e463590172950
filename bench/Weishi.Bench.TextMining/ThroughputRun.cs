using System.Diagnostics;
using JiebaNet.Segmenter;
using Weishi.TextMining.Segmentation;
using Token = Weishi.TextMining.Segmentation.Token;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Stopwatch and CPU-time check of segmentation throughput: jieba.NET vs ours on the same 1 MB slice,
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

        var sliceChars = slice.Sum(t => (long)t.Length);
        var (jiebaWall, jiebaCpu) = Best(() =>
        {
            foreach (var text in slice) _ = jieba.Cut(text).Count();
        });
        var (oursWall, oursCpu) = Best(() =>
        {
            foreach (var text in slice) _ = segmenter.Cut(text).Count;
        });
        Console.WriteLine($"1 MB slice, {sliceChars:N0} chars: jieba.NET {Rate(sliceChars, jiebaWall)} wall / {Rate(sliceChars, jiebaCpu)} cpu; " +
            $"ours {Rate(sliceChars, oursWall)} wall / {Rate(sliceChars, oursCpu)} cpu; ratio {jiebaWall / oursWall:F1}× wall, {jiebaCpu / oursCpu:F1}× cpu");

        var chars = corpus.Sum(t => (long)t.Length);
        var (singleWall, singleCpu) = Best(() =>
        {
            foreach (var text in corpus)
            {
                tokens.Clear();
                segmenter.Segment(text, tokens);
            }
        });
        var (parallelWall, parallelCpu) = Best(() => segmenter.SegmentMany(corpus, (_, _, _) => { }));
        Console.WriteLine($"{chars:N0} chars: 1 thread {Rate(chars, singleWall)} wall ({singleCpu:F2} s cpu); " +
            $"{Environment.ProcessorCount} threads {Rate(chars, parallelWall)} wall ({parallelCpu:F2} s cpu); speed-up {singleWall / parallelWall:F2}×");
    }

    private static string Rate(long chars, double seconds) => $"{chars / seconds / 1e6:F1} M chars/s";

    /// <summary>Best wall time of 3 runs after 5 warm-ups, and the CPU time of that run.</summary>
    private static (double Wall, double Cpu) Best(Action action)
    {
        for (var i = 0; i < 5; i++) action(); // let tiered JIT promote the hot loops first
        var best = (Wall: double.MaxValue, Cpu: 0.0);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < 3; i++)
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
