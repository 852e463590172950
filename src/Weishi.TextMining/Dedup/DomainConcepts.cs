using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// The programme's recurring needs as concepts, each with the words residents and staff use for it (长者饭堂, 老人食堂,
/// 助餐点 …), read from <c>Resources/concepts.txt</c> (<see cref="Shipped"/>); a district can add its own words to
/// existing concepts (<see cref="WithForms"/>: 买餸 is 买菜), never new concepts, so the pair model trained on the
/// shipped concepts still sees the features it learnt. Forms of two or more characters are found in the text itself,
/// longest first, so a word the segmenter splits is still found; one-character forms match whole words only.
/// Immutable: an analyzer (<see cref="TextAnalyzer.Concepts"/>) carries the table its signatures use.
/// </summary>
public sealed class DomainConcepts
{
    internal enum Kind { Specific, Broad, Target, Aspect, WeakAspect }

    /// <summary>What a concept adds to a signature: its feature hash and weight, whether it is enough for a match, its facet bit.</summary>
    internal readonly record struct Concept(string Name, Kind Kind, uint Hash, float Weight, bool Specific, ulong FacetBit);

    /// <summary>One concept as the table lists it: its kind letter (S, B, T, A, a), its name (the first form) and its forms.</summary>
    public sealed record Line(char Kind, string Name, IReadOnlyList<string> Forms);

    /// <summary>The longest form the table allows.</summary>
    public const int MaxFormLength = 8;

    private static readonly DomainConcepts ShippedTable = Load();

    private readonly Dictionary<string, int> _forms;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Concept[] _all;
    private readonly byte[] _longestFrom;
    private readonly Dictionary<string, int> _byName;

    private DomainConcepts(Dictionary<string, int> forms, Concept[] all, byte[] longestFrom, IReadOnlyList<Line> lines, IReadOnlyList<(string Form, string Concept)> added)
    {
        _forms = forms;
        _lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
        _all = all;
        _longestFrom = longestFrom;
        Lines = lines;
        Added = added;
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < all.Length; id++) _byName[all[id].Name] = id;
    }

    /// <summary>The table shipped in the library, without any district's forms.</summary>
    public static DomainConcepts Shipped => ShippedTable;

    /// <summary>The concepts in the table's order, with their forms (a district's after the shipped ones).</summary>
    public IReadOnlyList<Line> Lines { get; }

    /// <summary>The forms added to the shipped table (empty for <see cref="Shipped"/>).</summary>
    public IReadOnlyList<(string Form, string Concept)> Added { get; }

    /// <summary>Whether <paramref name="word"/> is one of the table's forms.</summary>
    public bool IsForm(string word) => _forms.ContainsKey(word);

    /// <summary>The name of the concept <paramref name="word"/> is a form of, or null.</summary>
    public string? ConceptOf(string word) => _forms.TryGetValue(word, out var id) ? _all[id].Name : null;

    /// <summary>Whether a concept of this name (the first form of its line) exists.</summary>
    public bool HasConcept(string name) => _byName.ContainsKey(name);

    /// <summary>Whether <see cref="WithForms"/> takes <paramref name="form"/> as another word for <paramref name="concept"/>.</summary>
    public bool CanTake(string form, string concept) =>
        !string.IsNullOrWhiteSpace(form) && form.Length <= MaxFormLength && form.Trim().Length == form.Length
        && HasConcept(concept) && !NeedSignature.IsRequestBoilerplate(form) && !IsForm(form);

    /// <summary>
    /// This table plus <paramref name="forms"/>, each another word for an existing concept (named by its first form).
    /// Throws <see cref="ArgumentException"/> for an unknown concept, a form already in the table or given twice, one
    /// longer than <see cref="MaxFormLength"/> or blank, or request boilerplate (希望, 社区 …) that every need says.
    /// </summary>
    public DomainConcepts WithForms(IEnumerable<(string Form, string Concept)> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var list = forms.ToList();
        if (list.Count == 0) return this;
        var all = new Dictionary<string, int>(_forms, StringComparer.Ordinal);
        var longestFrom = (byte[])_longestFrom.Clone();
        var extra = new List<string>[_all.Length];
        foreach (var (form, concept) in list)
        {
            if (string.IsNullOrWhiteSpace(form) || form.Length > MaxFormLength || form.Trim().Length != form.Length)
                throw new ArgumentException($"“{form}” is blank, padded or longer than {MaxFormLength} characters", nameof(forms));
            if (!_byName.TryGetValue(concept ?? "", out var id)) throw new ArgumentException($"no concept named “{concept}”", nameof(forms));
            if (NeedSignature.IsRequestBoilerplate(form)) throw new ArgumentException($"“{form}” is request boilerplate", nameof(forms));
            if (!all.TryAdd(form, id)) throw new ArgumentException($"“{form}” is already a form of the table", nameof(forms));
            if (form.Length >= 2) longestFrom[form[0]] = (byte)Math.Max(longestFrom[form[0]], form.Length);
            (extra[id] ??= []).Add(form);
        }
        var lines = Lines.Select((line, id) => extra[id] is { } more ? line with { Forms = [.. line.Forms, .. more] } : line).ToList();
        return new DomainConcepts(all, _all, longestFrom, lines, [.. Added, .. list]);
    }

    /// <summary>The concept a one-character word stands for, or -1 (longer forms are found by <see cref="Scan"/>).</summary>
    internal int OfWord(ReadOnlySpan<char> word) => word.Length == 1 && _lookup.TryGetValue(word, out var id) ? id : -1;

    internal ref readonly Concept Get(int id) => ref _all[id];

    /// <summary>
    /// Adds the concepts whose forms (two or more characters) occur in <paramref name="text"/>, leftmost-longest, with
    /// the range each covers — except forms lying wholly inside <paramref name="skip"/> (the places the need names).
    /// </summary>
    internal void Scan(ReadOnlySpan<char> text, List<Range> skip, List<(Range At, int Concept)> found)
    {
        var (lookup, longestFrom) = (_lookup, _longestFrom);
        for (var i = 0; i < text.Length - 1;)
        {
            var matched = 0;
            for (var length = Math.Min(longestFrom[text[i]], text.Length - i); length >= 2; length--)
            {
                if (!lookup.TryGetValue(text.Slice(i, length), out var id)) continue;
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
    internal static bool Overlaps(Range span, int start, int end) => start < span.End.Value && end > span.Start.Value;

    private static bool WithinAny(List<Range> spans, int start, int end)
    {
        foreach (var span in spans)
            if (start >= span.Start.Value && end <= span.End.Value) return true;
        return false;
    }

    private static DomainConcepts Load()
    {
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        var concepts = new List<Concept>();
        var lines = new List<Line>();
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
            lines.Add(new Line(line[0], words[0], words));
            foreach (var word in words)
            {
                if (word.Length > MaxFormLength || !forms.TryAdd(word, concepts.Count - 1)) throw new FormatException($"concepts.txt: {word} is too long or listed twice");
                if (word.Length >= 2) longestFrom[word[0]] = (byte)Math.Max(longestFrom[word[0]], word.Length);
            }
        }
        return new DomainConcepts(forms, [.. concepts], longestFrom, lines, []);
    }

    /// <summary>The next bit of a facet (targets or aspects): at most 64 of each, a signature keeps them in one word.</summary>
    private static ulong FacetBit(ref int used) =>
        used < 64 ? 1UL << used++ : throw new FormatException("concepts.txt: more than 64 target groups or aspects");
}
