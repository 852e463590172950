namespace Weishi.TextMining.Text;

/// <summary>Fast 64-bit hashes of terms and character bigrams, stable across runs and processes.</summary>
public static class TermHash
{
    public static ulong Of(ReadOnlySpan<char> term)
    {
        var h = 14695981039346656037UL;
        foreach (var c in term)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    public static ulong OfBigram(char a, char b) => Mix(((ulong)a << 16) | b | (1UL << 40));

    /// <summary>SplitMix64 finaliser: spreads FNV's weak low bits over the whole word.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
