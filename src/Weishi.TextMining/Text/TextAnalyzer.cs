using Weishi.TextMining.Dedup;
using Weishi.TextMining.Segmentation;

namespace Weishi.TextMining.Text;

/// <summary>Turns a text into the terms mining looks at: segmented, without punctuation or stop words.</summary>
public sealed class TextAnalyzer
{
    private static readonly Lazy<TextAnalyzer> LazyDefault = new(() => new TextAnalyzer(ChineseSegmenter.Default));

    private readonly HashSet<string> _stopWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopLookup;
    private readonly IdfTable _idf = new();

    public static TextAnalyzer Default => LazyDefault.Value;

    public ChineseSegmenter Segmenter { get; }

    /// <param name="segmenter">The segmenter (with the district's words, if any).</param>
    /// <param name="concepts">The concept table duplicate signatures use; null for the shipped one.</param>
    public TextAnalyzer(ChineseSegmenter segmenter, DomainConcepts? concepts = null)
    {
        Segmenter = segmenter;
        Concepts = concepts ?? DomainConcepts.Shipped;
        _stopWords = StopWords.Load();
        _stopLookup = _stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _addedPlaceKeys = new(() => PlaceNames.KeysOfAdded(segmenter.AddedPlaces));
    }

    private readonly Lazy<HashSet<uint>> _addedPlaceKeys;

    /// <summary>
    /// The concepts duplicate detection compares needs by (<see cref="NeedSignature"/>): the shipped table, or the
    /// shipped one plus a district's words for its concepts.
    /// </summary>
    public DomainConcepts Concepts { get; }

    /// <summary>
    /// Keys of the places the segmenter was given beyond the shipped ones (<see cref="ChineseSegmenter.AddedPlaces"/>):
    /// duplicate detection counts them as places wherever a need mentions them. Empty for the shipped analyzer.
    /// </summary>
    internal HashSet<uint> AddedPlaceKeys => _addedPlaceKeys.Value;

    internal IdfTable Idf => _idf;

    public bool IsStopWord(ReadOnlySpan<char> term) => _stopLookup.Contains(term);

    public float IdfOf(ReadOnlySpan<char> term) => _idf.Of(term);

    /// <summary>Segments <paramref name="text"/> into <paramref name="terms"/>, keeping only content words.</summary>
    public void CollectTerms(ReadOnlySpan<char> text, List<Token> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var start = terms.Count;
        Segmenter.Segment(text, terms);
        var kept = start;
        for (var i = start; i < terms.Count; i++)
        {
            var token = terms[i];
            var word = token.Of(text);
            if (!CharClasses.IsContent(word) || IsStopWord(word)) continue;
            terms[kept++] = token;
        }
        terms.RemoveRange(kept, terms.Count - kept);
    }

    /// <summary>The content words of <paramref name="text"/> as strings (convenient, allocating).</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<Token>();
        CollectTerms(text ?? "", terms);
        return terms.ConvertAll(t => text!.Substring(t.Start, t.Length));
    }

    internal string Intern(ReadOnlySpan<char> term) => _idf.Intern(term);
}
