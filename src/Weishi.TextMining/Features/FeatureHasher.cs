using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Features;

/// <summary>
/// Hashed features of a text: words (for topic vectors weighted by IDF) and, for classification,
/// Han characters and character bigrams too, which catch colloquial variants the dictionary splits
/// differently (weights chosen by cross-validation, see bench/textmining.md §3).
/// </summary>
public static class FeatureHasher
{
    public const int Dimension = 1 << 18;
    private const float UnigramWeight = 1f;
    private const float BigramWeight = 1f;
    private const float TopicBigramWeight = 2f;

    [ThreadStatic] private static Dictionary<int, float>? t_weights;

    /// <summary>Classification features: log-scaled word, Han character and bigram counts, L2-normalised.</summary>
    public static SparseVector ForClassification(ReadOnlySpan<char> text, List<Token> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var counts = Scratch();
        foreach (var t in terms) Add(counts, Bucket(TermHash.Of(t.Of(text))), 1f);
        AddUnigrams(text, counts, UnigramWeight);
        AddBigrams(text, counts, BigramWeight);
        foreach (var key in counts.Keys.ToArray()) counts[key] = MathF.Log(1 + counts[key]);
        return SparseVector.FromWeights(counts);
    }

    /// <summary>
    /// Topic features: TF-IDF of content words plus lightly weighted Han bigrams (so "路灯不亮" still
    /// meets "路灯" when the dictionary cuts it as 路|灯不亮), L2-normalised.
    /// </summary>
    public static SparseVector ForTopics(ReadOnlySpan<char> text, List<Token> terms, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(analyzer);
        var weights = Scratch();
        foreach (var t in terms)
        {
            var word = t.Of(text);
            if (word.Length < 2) continue;
            Add(weights, Bucket(TermHash.Of(word)), analyzer.IdfOf(word));
        }
        AddBigrams(text, weights, TopicBigramWeight);
        return SparseVector.FromWeights(weights);
    }

    private static void AddUnigrams(ReadOnlySpan<char> text, Dictionary<int, float> weights, float weight)
    {
        foreach (var c in text)
            if (CharClasses.IsHan(c)) Add(weights, Bucket(TermHash.OfBigram('\u0001', c) ^ 0x1234567UL), weight);
    }

    private static void AddBigrams(ReadOnlySpan<char> text, Dictionary<int, float> weights, float weight)
    {
        var previous = '\0';
        foreach (var c in text)
        {
            if (!CharClasses.IsHan(c))
            {
                previous = '\0';
                continue;
            }
            if (previous != '\0') Add(weights, Bucket(TermHash.OfBigram(previous, c) ^ 0x5bd1e995UL), weight);
            previous = c;
        }
    }

    private static Dictionary<int, float> Scratch()
    {
        var d = t_weights ??= [];
        d.Clear();
        return d;
    }

    private static int Bucket(ulong hash) => (int)(hash & (Dimension - 1));

    private static void Add(Dictionary<int, float> d, int key, float value) =>
        d[key] = d.TryGetValue(key, out var v) ? v + value : value;
}
