namespace Weishi.TextMining.Dedup;

/// <summary>
/// The programme's recurring needs as concepts, each with the words residents and staff use for it (长者饭堂, 老人食堂,
/// 助餐点 …), read from <c>Resources/concepts.txt</c>. Forms of two or more characters are found in the text itself,
/// longest first, so a word the segmenter splits is still found; one-character forms match whole words only.
/// </summary>
internal static class DomainConcepts
{
    public enum Kind { Specific, Broad, Target, Aspect, WeakAspect }

    private const int MaxForm = 8;

    private static readonly Table Concepts = Load();

    /// <summary>The concept a whole word stands for, or -1.</summary>
    public static int OfWord(ReadOnlySpan<char> word) => Concepts.Lookup.TryGetValue(word, out var id) ? id : -1;

    public static string Name(int id) => Concepts.Names[id];

    public static Kind KindOf(int id) => Concepts.Kinds[id];

    /// <summary>Bit of a target group (old people, children …) or an aspect (opening hours, price …) among its kind; 0 for other concepts.</summary>
    public static ulong FacetBit(int id) => Concepts.FacetBits[id];

    /// <summary>
    /// Adds the concepts whose forms (two or more characters) occur in <paramref name="text"/> outside
    /// <paramref name="skip"/>, leftmost-longest, with the range each covers.
    /// </summary>
    public static void Scan(ReadOnlySpan<char> text, List<Range> skip, List<(Range At, int Concept)> found)
    {
        for (var i = 0; i < text.Length - 1;)
        {
            if (!Concepts.Starts[text[i]] || Inside(i, skip))
            {
                i++;
                continue;
            }
            var matched = 0;
            for (var length = Math.Min(MaxForm, text.Length - i); length >= 2; length--)
            {
                if (!Concepts.Lookup.TryGetValue(text.Slice(i, length), out var id)) continue;
                found.Add((i..(i + length), id));
                matched = length;
                break;
            }
            i += Math.Max(1, matched);
        }
    }

    private static bool Inside(int at, List<Range> spans)
    {
        foreach (var span in spans)
            if (at >= span.Start.Value && at < span.End.Value) return true;
        return false;
    }

    private sealed record Table(
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup, string[] Names, Kind[] Kinds, ulong[] FacetBits, bool[] Starts);

    private static Table Load()
    {
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        var (names, kinds, bits) = (new List<string>(), new List<Kind>(), new List<ulong>());
        var starts = new bool[char.MaxValue + 1];
        var (targets, aspects) = (0, 0);
        foreach (var line in EmbeddedResources.ReadLines("concepts.txt"))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            var kind = line[0] switch { 'S' => Kind.Specific, 'B' => Kind.Broad, 'T' => Kind.Target, 'A' => Kind.Aspect, 'a' => Kind.WeakAspect, _ => throw new FormatException(line) };
            var words = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var id = names.Count;
            names.Add(words[0]);
            kinds.Add(kind);
            bits.Add(kind switch { Kind.Target => 1UL << targets++, Kind.Aspect or Kind.WeakAspect => 1UL << aspects++, _ => 0 });
            foreach (var word in words)
            {
                if (word.Length > MaxForm || !forms.TryAdd(word, id)) throw new FormatException($"concepts.txt: {word} is too long or listed twice");
                if (word.Length >= 2) starts[word[0]] = true;
            }
        }
        return new Table(forms.GetAlternateLookup<ReadOnlySpan<char>>(), [.. names], [.. kinds], [.. bits], starts);
    }
}
