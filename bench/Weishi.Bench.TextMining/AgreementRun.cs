using JiebaNet.Segmenter;
using Weishi.TextMining.Segmentation;

namespace Weishi.Bench.TextMining;

/// <summary>Line agreement of our segmenter with jieba.NET on the generated corpus.</summary>
public static class AgreementRun
{
    public static void Run(int count)
    {
        var jieba = new JiebaSegmenter();
        jieba.LoadUserDict(Path.Combine(AppContext.BaseDirectory, "userdict.txt"));
        var texts = CorpusBuilder.Build(count, seed: 7);
        var differing = 0;
        foreach (var text in texts)
        {
            var expected = string.Join('|', jieba.Cut(text));
            var actual = string.Join('|', ChineseSegmenter.Default.Cut(text));
            if (expected == actual) continue;
            if (differing++ < 10) Console.WriteLine($"jieba: {expected}\nours:  {actual}");
        }
        Console.WriteLine($"agreement: {100.0 * (texts.Count - differing) / texts.Count:F3}% of {texts.Count:N0} lines");
    }
}
