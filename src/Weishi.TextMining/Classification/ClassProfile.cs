namespace Weishi.TextMining.Classification;

/// <summary>
/// A need's three most probable categories with their probabilities, packed in 64 bits (per entry: 4 bits of class,
/// 16 of probability) so a million needs carry it at no allocation. Two needs the classifier sees alike have alike
/// profiles, whichever words they use: the duplicate stage's pair model uses <see cref="Similarity"/> as one feature.
/// </summary>
public readonly record struct ClassProfile(ulong Packed)
{
    private const int Entries = 3;
    private const int EntryBits = 20;
    private const double Scale = 65535;

    public static ClassProfile Of(ReadOnlySpan<double> probabilities)
    {
        if (probabilities.Length > 15) throw new ArgumentException("at most 15 classes", nameof(probabilities));
        Span<int> top = stackalloc int[Entries];
        top.Fill(-1);
        for (var k = 0; k < probabilities.Length; k++)
        {
            for (var slot = 0; slot < Entries; slot++)
            {
                if (top[slot] >= 0 && probabilities[top[slot]] >= probabilities[k]) continue;
                for (var move = Entries - 1; move > slot; move--) top[move] = top[move - 1];
                top[slot] = k;
                break;
            }
        }
        ulong packed = 0;
        for (var slot = 0; slot < Entries && top[slot] >= 0; slot++)
        {
            var p = (ulong)Math.Round(Math.Clamp(probabilities[top[slot]], 0, 1) * Scale);
            packed |= (((ulong)(top[slot] + 1) << 16) | p) << (slot * EntryBits);
        }
        return new ClassProfile(packed);
    }

    /// <summary>Cosine of the two profiles' probability vectors (each over its top three classes); 0 when unknown.</summary>
    public double Similarity(ClassProfile other)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Entries; i++)
        {
            var (ca, pa) = Entry(Packed, i);
            na += pa * pa;
            var (cb, pb) = Entry(other.Packed, i);
            nb += pb * pb;
            if (ca == 0) continue;
            for (var j = 0; j < Entries; j++)
                if (Entry(other.Packed, j) is var (c, p) && c == ca) dot += pa * p;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private static (int Class, double Probability) Entry(ulong packed, int slot)
    {
        var entry = (packed >> (slot * EntryBits)) & ((1UL << EntryBits) - 1);
        return ((int)(entry >> 16), (entry & 0xFFFF) / Scale);
    }
}
