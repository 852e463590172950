using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// The programme's recurring needs as concepts, each with the words residents and staff use for it (长者饭堂, 老人食堂,
/// 助餐点 …), read from <c>Resources/concepts.txt</c>. Forms of two or more characters are found in the text itself,
/// longest first, so a word the segmenter splits is still found; one-character forms match whole words only.
/// </summary>
internal static class DomainConcepts
{
    public enum Kind { Specific, Broad, Target, Aspect, WeakAspect }

    /// <summary>What a concept adds to a signature: its feature hash and weight, whether it is enough for a match, its facet bit.</summary>
    public readonly record struct Concept(string Name, Kind Kind, uint Hash, float Weight, bool Specific, ulong FacetBit);

    private const int MaxForm = 8;

    private static readonly Table Concepts = Load();

    /// <summary>The concept a one-character word stands for, or -1 (longer forms are found by <see cref="Scan"/>).</summary>
    public static int OfWord(ReadOnlySpan<char> word) => word.Length == 1 && Concepts.Lookup.TryGetValue(word, out var id) ? id : -1;

    public static ref readonly Concept Get(int id) => ref Concepts.All[id];

    /// <summary>Whether <paramref name="word"/> is one of the table's forms.</summary>
    public static bool IsForm(string word) => Concepts.Lookup.ContainsKey(word);

    /// <summary>
    /// Adds the concepts whose forms (two or more characters) occur in <paramref name="text"/>, leftmost-longest, with
    /// the range each covers — except forms lying wholly inside <paramref name="skip"/> (the places the need names).
    /// </summary>
    public static void Scan(ReadOnlySpan<char> text, List<Range> skip, List<(Range At, int Concept)> found)
    {
        for (var i = 0; i < text.Length - 1;)
        {
            var matched = 0;
            for (var length = Math.Min(Concepts.LongestFrom[text[i]], text.Length - i); length >= 2; length--)
            {
                if (!Concepts.Lookup.TryGetValue(text.Slice(i, length), out var id)) continue;
                if (!WithinAny(skip, i, i + length))
                {
                    found.Add((i..(i + length), id));
                    matched = length;
                }
                break;
            }
            i += Math.Max(1, matched);
        }
    }

    /// <summary>True when [start, end) overlaps <paramref name="span"/>.</summary>
    public static bool Overlaps(Range span, int start, int end) => start < span.End.Value && end > span.Start.Value;

    private static bool WithinAny(List<Range> spans, int start, int end)
    {
        foreach (var span in spans)
            if (start >= span.Start.Value && end <= span.End.Value) return true;
        return false;
    }

    private sealed record Table(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup, Concept[] All, byte[] LongestFrom);

    private static Table Load()
    {
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        var concepts = new List<Concept>();
        var longestFrom = new byte[char.MaxValue + 1];
        var (targets, aspects) = (0, 0);
        foreach (var line in EmbeddedResources.ReadLines("concepts.txt"))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var kind = line[0] switch { 'S' => Kind.Specific, 'B' => Kind.Broad, 'T' => Kind.Target, 'A' => Kind.Aspect, 'a' => Kind.WeakAspect, _ => throw new FormatException(line) };
            var words = line[(line.IndexOf('\t') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var facetBit = kind switch { Kind.Target => FacetBit(ref targets), Kind.Aspect or Kind.WeakAspect => FacetBit(ref aspects), _ => 0UL };
            var specific = kind is Kind.Specific or Kind.Aspect;
            concepts.Add(new Concept(words[0], kind, (uint)TermHash.Of(words[0]), NeedSignature.WeightOf(kind), specific, facetBit));
            foreach (var word in words)
            {
                if (word.Length > MaxForm || !forms.TryAdd(word, concepts.Count - 1)) throw new FormatException($"concepts.txt: {word} is too long or listed twice");
                if (word.Length >= 2) longestFrom[word[0]] = (byte)Math.Max(longestFrom[word[0]], word.Length);
            }
        }
        return new Table(forms.GetAlternateLookup<ReadOnlySpan<char>>(), [.. concepts], longestFrom);
    }

    /// <summary>The next bit of a facet (targets or aspects): at most 64 of each, a signature keeps them in one word.</summary>
    private static ulong FacetBit(ref int used) =>
        used < 64 ? 1UL << used++ : throw new FormatException("concepts.txt: more than 64 target groups or aspects");
}
