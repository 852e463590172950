using JiebaNet.Segmenter;

namespace Weishi.TextMining.Tests;

/// <summary>jieba.NET with the same user dictionary, the reference our segmenter must agree with.</summary>
internal static class JiebaReference
{
    private static readonly Lazy<JiebaSegmenter> LazySegmenter = new(() =>
    {
        var jieba = new JiebaSegmenter();
        jieba.LoadUserDict(Path.Combine(AppContext.BaseDirectory, "Data", "userdict.txt"));
        return jieba;
    });

    private static readonly Lock Gate = new();

    public static List<string> Cut(string text)
    {
        // jieba.NET's dictionary is a process-wide singleton that is not safe to load concurrently.
        lock (Gate) return [.. LazySegmenter.Value.Cut(text)];
    }
}
