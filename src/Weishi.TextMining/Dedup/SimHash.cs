using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// 64-bit SimHash over IDF-weighted content words and character bigrams: near-identical texts get
/// fingerprints a few bits apart, unrelated ones about 32 bits apart.
/// </summary>
public static class SimHash
{
    private const float BigramWeight = 1.0f;

    public static ulong Compute(string? text) => Compute(text, TextAnalyzer.Default);

    public static ulong Compute(string? text, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        if (string.IsNullOrEmpty(text)) return 0;
        Span<float> bits = stackalloc float[64];
        bits.Clear();
        var terms = new List<Token>();
        analyzer.CollectTerms(text, terms);
        foreach (var term in terms)
        {
            var word = term.Of(text);
            Add(bits, TermHash.Of(word), analyzer.IdfOf(word));
        }
        foreach (var shingle in Shingles.Of(text)) Add(bits, TermHash.Mix(shingle), BigramWeight);

        var fingerprint = 0UL;
        for (var b = 0; b < 64; b++)
        {
            if (bits[b] > 0) fingerprint |= 1UL << b;
        }
        return fingerprint;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    /// <summary>1 − Hamming distance / 64.</summary>
    public static double Similarity(ulong a, ulong b) => 1.0 - (Distance(a, b) / 64.0);

    private static void Add(Span<float> bits, ulong hash, float weight)
    {
        for (var b = 0; b < 64; b++) bits[b] += ((hash >> b) & 1) != 0 ? weight : -weight;
    }
}
