using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Keywords;

/// <summary>TF-IDF keywords (jieba's extract_tags: words of two or more characters, no stop words).</summary>
public sealed class KeywordExtractor(TextAnalyzer analyzer)
{
    private static readonly Lazy<KeywordExtractor> LazyDefault = new(() => new KeywordExtractor(TextAnalyzer.Default));

    public static KeywordExtractor Default => LazyDefault.Value;

    public IReadOnlyList<Keyword> Extract(string? text, int top = 5)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Accumulate(text, new List<Token>(), counts);
        return Rank(counts, top);
    }

    /// <summary>Keywords of a group of texts taken as one document (e.g. a topic or a community's needs).</summary>
    public IReadOnlyList<Keyword> ExtractFromGroup(IEnumerable<string?> texts, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var scratch = new List<Token>();
        foreach (var text in texts)
        {
            if (!string.IsNullOrEmpty(text)) Accumulate(text, scratch, counts);
        }
        return Rank(counts, top);
    }

    /// <summary>Top terms by tf·idf from already segmented content terms; used by the pipeline.</summary>
    internal string[] TopTerms(ReadOnlySpan<char> text, List<Token> terms, int top)
    {
        if (top <= 0 || terms.Count == 0) return [];
        Span<(double Weight, int Index)> best = stackalloc (double, int)[Math.Min(top, 16)];
        var filled = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var word = terms[i].Of(text);
            if (word.Length < 2 || SeenBefore(text, terms, i)) continue;
            var tf = 1;
            for (var j = i + 1; j < terms.Count; j++)
                if (terms[j].Of(text).SequenceEqual(word)) tf++;
            var weight = tf * (double)analyzer.IdfOf(word);
            int pos;
            if (filled < best.Length) pos = filled++;
            else if (weight > best[^1].Weight) pos = best.Length - 1;
            else continue;
            best[pos] = (weight, i);
            for (var k = pos; k > 0 && best[k].Weight > best[k - 1].Weight; k--) (best[k], best[k - 1]) = (best[k - 1], best[k]);
        }
        var result = new string[filled];
        for (var k = 0; k < filled; k++) result[k] = analyzer.Intern(terms[best[k].Index].Of(text));
        return result;
    }

    private static bool SeenBefore(ReadOnlySpan<char> text, List<Token> terms, int i)
    {
        var word = terms[i].Of(text);
        for (var j = 0; j < i; j++)
            if (terms[j].Of(text).SequenceEqual(word)) return true;
        return false;
    }

    private void Accumulate(string text, List<Token> scratch, Dictionary<string, int> counts)
    {
        scratch.Clear();
        analyzer.CollectTerms(text, scratch);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in scratch)
        {
            var word = token.Of(text);
            if (word.Length < 2) continue;
            lookup[word] = lookup.TryGetValue(word, out var n) ? n + 1 : 1;
        }
    }

    private List<Keyword> Rank(Dictionary<string, int> counts, int top)
    {
        var total = counts.Values.Sum();
        if (total == 0) return [];
        return [.. counts
            .Select(kv => new Keyword(kv.Key, kv.Value * (double)analyzer.IdfOf(kv.Key) / total))
            .OrderByDescending(k => k.Weight)
            .ThenBy(k => k.Term, StringComparer.Ordinal)
            .Take(top)];
    }
}
