using Weishi.TextMining.Segmentation;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// A word an administrator added to the segmenter's user dictionary (本区词库): a local place, programme or service name
/// the shipped dictionary splits (腰旗橄榄球 → 腰旗/橄榄球). Mining runs after it keep the word whole, in keywords,
/// topics and duplicate signatures; one tagged ns (地名) is also a place, so needs about it and another place are never
/// suggested as duplicates.
/// </summary>
public class SegmentationTerm : IAudited
{
    public int Id { get; set; }
    public required string Word { get; set; }
    /// <summary>jieba's part-of-speech tag, one of <see cref="SegmentationTermRules.Tags"/>.</summary>
    public required string Tag { get; set; }
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

    /// <summary>The error in Chinese for one word, or null when it can be added (not already among <paramref name="existing"/>).</summary>
    public static string? Check(string word, IReadOnlySet<string> existing)
    {
        if (word.Length < MinLength || word.Length > MaxLength) return $"“{word}”的长度应为 {MinLength}–{MaxLength} 个字";
        if (!ChineseSegmenter.IsHanWord(word)) return $"“{word}”只能由汉字组成（不含字母、数字、空格、标点或表情）";
        if (Shipped.Value.Contains(word)) return $"“{word}”已是系统内置词";
        if (existing.Contains(word)) return $"“{word}”已在本区词库中";
        return null;
    }

    /// <summary>The segmenter's user words: the shipped ones, then the district's.</summary>
    public static IEnumerable<UserWord> UserWords(IEnumerable<(string Word, string Tag)> terms) =>
        ChineseSegmenter.DefaultUserWords().Concat(terms.Select(t => new UserWord(t.Word, null, t.Tag)));
}
