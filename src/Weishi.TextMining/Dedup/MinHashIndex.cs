using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// MinHash LSH: 24 bands of 3 min-hashes over each text's shingles. Texts sharing a band become
/// candidate pairs; sorting band keys instead of hashing pairs keeps the work ~O(N log N).
/// </summary>
internal static class MinHashIndex
{
    public const int Bands = 24;
    public const int Rows = 3;
    private const int HashCount = Bands * Rows;

    private static readonly ulong[] Multipliers = MakeCoefficients(1, odd: true);
    private static readonly ulong[] Offsets = MakeCoefficients(2, odd: false);

    /// <summary>Band keys, band-major: <c>keys[band][text]</c>. Texts without shingles get unique keys.</summary>
    public static ulong[][] BandKeys(IReadOnlyList<uint[]> shingles)
    {
        var n = shingles.Count;
        var keys = new ulong[Bands][];
        for (var b = 0; b < Bands; b++) keys[b] = new ulong[n];
        Parallel.For(0, n, i =>
        {
            Span<uint> mins = stackalloc uint[HashCount];
            var set = shingles[i];
            if (set.Length == 0)
            {
                for (var b = 0; b < Bands; b++) keys[b][i] = TermHash.Mix(((ulong)(uint)i << 8) | (uint)b) | 1UL << 63;
                return;
            }
            mins.Fill(uint.MaxValue);
            foreach (var x in set)
            {
                for (var k = 0; k < HashCount; k++)
                {
                    var h = (uint)(((Multipliers[k] * x) + Offsets[k]) >> 32);
                    if (h < mins[k]) mins[k] = h;
                }
            }
            for (var b = 0; b < Bands; b++)
            {
                var key = (ulong)b;
                for (var r = 0; r < Rows; r++) key = TermHash.Mix(key ^ mins[(b * Rows) + r]) + (ulong)r;
                keys[b][i] = key & ~(1UL << 63);
            }
        });
        return keys;
    }

    private static ulong[] MakeCoefficients(ulong seed, bool odd)
    {
        var values = new ulong[HashCount];
        for (var k = 0; k < HashCount; k++)
        {
            var v = TermHash.Mix((seed << 32) + (ulong)k + 0x9E3779B97F4A7C15UL);
            values[k] = odd ? v | 1 : v;
        }
        return values;
    }
}
