using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// Character-bigram shingles of a text's letters and digits (punctuation and spaces ignored, ASCII
/// lower-cased), hashed to 32 bits, sorted and distinct. Bigrams need no segmentation and make
/// re-worded resubmissions of the same need overlap strongly.
/// </summary>
public static class Shingles
{
    public static uint[] Of(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        }
        if (n == 0) return [];
        if (n == 1) return [(uint)TermHash.OfBigram(buffer[0], '\0')];

        var hashes = new uint[n - 1];
        for (var i = 0; i + 1 < n; i++) hashes[i] = (uint)TermHash.OfBigram(buffer[i], buffer[i + 1]);
        Array.Sort(hashes);
        var distinct = 1;
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[distinct - 1]) hashes[distinct++] = hashes[i];
        }
        return distinct == hashes.Length ? hashes : hashes[..distinct];
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted distinct shingle sets.</summary>
    public static double Jaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.IsEmpty || b.IsEmpty) return a.IsEmpty && b.IsEmpty ? 1.0 : 0.0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }

}
