using Weishi.TextMining.Dedup;
using Weishi.TextMining.Segmentation;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// A word an administrator added to the segmenter's user dictionary (本区词库): a local place, programme or service name
/// the shipped dictionary splits (腰旗橄榄球 → 腰旗/橄榄球). Mining runs after it keep the word whole, in keywords,
/// topics and duplicate signatures; one tagged ns (地名) is also a place, so needs about it and another place are never
/// suggested as duplicates. One with a <see cref="Concept"/> is also another word for that concept of the duplicate
/// detector's table (买餸 for 买菜, 乐龄厨房 for 长者饭堂), so two needs using the two words can be recognised as one.
/// </summary>
public class SegmentationTerm : IAudited
{
    public int Id { get; set; }
    public required string Word { get; set; }
    /// <summary>jieba's part-of-speech tag, one of <see cref="SegmentationTermRules.Tags"/>.</summary>
    public required string Tag { get; set; }
    /// <summary>The name of the concept (<see cref="DomainConcepts.Lines"/>) the word means, or null for a plain word.</summary>
    public string? Concept { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>What a term may be, checked before any is stored.</summary>
public static class SegmentationTermRules
{
    public const int MinLength = 2;
    public const int MaxLength = 16;

    /// <summary>The tags an administrator can choose, with their names on the page (ns makes the word a place).</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["n"] = "普通词语", ["ns"] = "地名", ["nt"] = "单位、机构", ["nz"] = "其他专名",
    };

    private static readonly Lazy<HashSet<string>> Shipped = new(() => [.. ChineseSegmenter.DefaultUserWords().Select(w => w.Word)]);

    /// <summary>The shipped user dictionary's size (民生微实事, 来深建设者, 长者饭堂 and the district's places …).</summary>
    public static int ShippedCount => Shipped.Value.Count;

    /// <summary>
    /// The error in Chinese for one word, or null when it can be added: not already among <paramref name="existing"/>
    /// (the district's words with their concepts) and, when it is to mean a <paramref name="concept"/>, a word the
    /// concept table can take (at most <see cref="DomainConcepts.MaxFormLength"/> characters, not yet any concept's).
    /// </summary>
    public static string? Check(string word, IReadOnlyDictionary<string, string?> existing, string? concept = null)
    {
        var maxLength = concept is null ? MaxLength : DomainConcepts.MaxFormLength;
        if (word.Length < MinLength || word.Length > maxLength) return $"“{word}”的长度应为 {MinLength}–{maxLength} 个字" + (concept is null ? "" : "（归入概念的词）");
        if (!ChineseSegmenter.IsHanWord(word)) return $"“{word}”只能由汉字组成（不含字母、数字、空格、标点或表情）";
        if (existing.TryGetValue(word, out var mapped)) return mapped is null ? $"“{word}”已在本区词库中" : $"“{word}”已在本区词库中，归入概念“{mapped}”";
        if (concept is not null && DomainConcepts.Shipped.ConceptOf(word) is { } other) return $"“{word}”已是概念“{other}”的词语";
        if (Shipped.Value.Contains(word)) return $"“{word}”已是系统内置词";
        if (concept is not null && NeedSignature.IsRequestBoilerplate(word)) return $"“{word}”是需求里常见的套话，不能归入概念";
        return null;
    }

    /// <summary>The error in Chinese for the concept the words are to mean, or null (none, or one of the table's).</summary>
    public static string? CheckConcept(string? concept, string? tag)
    {
        if (concept is null) return null;
        if (!DomainConcepts.Shipped.HasConcept(concept))
        {
            return DomainConcepts.Shipped.ConceptOf(concept) is { } name
                ? $"“{concept}”是概念“{name}”的一种说法，请填写概念名“{name}”"
                : $"没有名为“{concept}”的概念，请从概念表中选择（概念名是每行的第一个词）";
        }
        if (tag == ChineseSegmenter.PlaceTag) return "地名不能归入概念";
        return null;
    }

    /// <summary>
    /// The district's words for the table's concepts that the shipped table can take: a word the shipped table has since
    /// gained, or one whose concept it no longer has, is left out (it stays a segmentation word).
    /// </summary>
    public static IReadOnlyList<(string Form, string Concept)> ConceptForms(IEnumerable<(string Word, string? Concept)> terms) =>
        [.. terms.Where(t => t.Concept is not null && Applies(t.Word, t.Concept)).Select(t => (t.Word, t.Concept!))];

    /// <summary>Whether the shipped concept table takes <paramref name="word"/> as a form of <paramref name="concept"/>.</summary>
    public static bool Applies(string word, string concept) => DomainConcepts.Shipped.CanTake(word, concept);

    /// <summary>The segmenter's user words: the shipped ones, then the district's.</summary>
    public static IEnumerable<UserWord> UserWords(IEnumerable<(string Word, string Tag)> terms) =>
        ChineseSegmenter.DefaultUserWords().Concat(terms.Select(t => new UserWord(t.Word, null, t.Tag)));
}
