using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>Pairwise similarity of two texts, e.g. to match a new proposal with similar past projects.</summary>
public static class TextSimilarity
{
    /// <summary>Jaccard similarity of character-bigram shingles: near-duplicate detection.</summary>
    public static double Jaccard(string? a, string? b) => Shingles.Jaccard(Shingles.Of(a ?? ""), Shingles.Of(b ?? ""));

    /// <summary>Cosine of TF-IDF word vectors: topical similarity, robust to re-ordering and re-wording.</summary>
    public static double Cosine(string? a, string? b) => Cosine(a, b, TextAnalyzer.Default);

    public static double Cosine(string? a, string? b, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var va = Vector(a ?? "", analyzer);
        var vb = Vector(b ?? "", analyzer);
        if (va.Count == 0 || vb.Count == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        foreach (var (term, w) in va)
        {
            na += w * w;
            if (vb.TryGetValue(term, out var v)) dot += w * v;
        }
        foreach (var w in vb.Values) nb += w * w;
        return dot / Math.Sqrt(na * nb);
    }

    private static Dictionary<string, double> Vector(string text, TextAnalyzer analyzer)
    {
        var terms = new List<Token>();
        analyzer.CollectTerms(text, terms);
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in terms)
        {
            var word = text.Substring(t.Start, t.Length);
            vector[word] = vector.GetValueOrDefault(word) + analyzer.IdfOf(word);
        }
        return vector;
    }
}
