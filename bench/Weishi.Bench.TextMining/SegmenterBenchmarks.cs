using BenchmarkDotNet.Attributes;
using JiebaNet.Segmenter;
using Weishi.TextMining.Segmentation;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Segmentation throughput. Ours runs over the full ≥20 MB corpus; jieba.NET over a 1 MB slice
/// (it is far slower). Divide the reported chars by the mean time for chars/s.
/// </summary>
[MemoryDiagnoser]
public class SegmenterBenchmarks
{
    private List<string> _corpus = [];
    private List<string> _slice = [];
    private JiebaSegmenter _jieba = null!;
    private readonly List<Weishi.TextMining.Segmentation.Token> _tokens = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusBuilder.BuildMegabytes(20);
        _slice = CorpusBuilder.BuildMegabytes(1, seed: 99);
        _jieba = new JiebaSegmenter();
        _jieba.LoadUserDict(Path.Combine(AppContext.BaseDirectory, "userdict.txt"));
        _ = ChineseSegmenter.Default.Cut("预热");
        Console.WriteLine($"// corpus chars: {_corpus.Sum(t => (long)t.Length)}, slice chars: {_slice.Sum(t => (long)t.Length)}");
    }

    [Benchmark(Description = "jieba.NET Cut, 1 MB slice")]
    public int JiebaSlice()
    {
        var n = 0;
        foreach (var text in _slice) n += _jieba.Cut(text).Count();
        return n;
    }

    [Benchmark(Description = "ours Cut (strings), 1 MB slice")]
    public int OursSliceStrings()
    {
        var n = 0;
        foreach (var text in _slice) n += ChineseSegmenter.Default.Cut(text).Count;
        return n;
    }

    [Benchmark(Description = "ours Segment (spans), 20 MB, 1 thread")]
    public int OursCorpusSingleThread()
    {
        var n = 0;
        foreach (var text in _corpus)
        {
            _tokens.Clear();
            ChineseSegmenter.Default.Segment(text, _tokens);
            n += _tokens.Count;
        }
        return n;
    }

    [Benchmark(Description = "ours SegmentMany (spans, parallel), 20 MB")]
    public int OursCorpusParallelSpans()
    {
        var n = 0;
        ChineseSegmenter.Default.SegmentMany(_corpus, (_, _, tokens) => Interlocked.Add(ref n, tokens.Count));
        return n;
    }

    [Benchmark(Description = "ours CutMany (strings, parallel), 20 MB")]
    public int OursCorpusParallel() => ChineseSegmenter.Default.CutMany(_corpus).Sum(t => t.Length);
}
