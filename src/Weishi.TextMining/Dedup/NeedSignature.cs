using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// What the paraphrase stage compares: the places a need names, and its content words apart from those places —
/// synonyms mapped to one word (<see cref="DomainSynonyms"/>), request boilerplate (建议, 希望, 能不能 …) dropped —
/// weighted by IDF (broad words such as 老人 or 孩子 much less), as a sorted sparse vector.
/// </summary>
public sealed class NeedSignature
{
    /// <summary>Words kept as block keys, the highest-weighted first.</summary>
    public const int KeyTerms = 3;

    /// <summary>Broad words (老人, 孩子 …) count this much of their IDF.</summary>
    internal const float BroadWeight = 0.3f;

    /// <summary>Request boilerplate shared by needs that ask for different things.</summary>
    private static readonly HashSet<string> Boilerplate = new(StringComparer.Ordinal)
    {
        "建议", "希望", "社区", "居民", "反映", "能不能", "能否", "可以", "开展", "组织", "设置", "增设", "问题", "一下", "特别", "麻烦",
        "请", "解决", "进行", "方便", "安排", "提供", "加强", "设立", "搞", "办", "开", "装", "想", "求", "帮", "太", "好多", "很多",
        "没有", "经常", "天天", "每天", "实在", "真的", "根本", "定期", "一次", "免费", "公益", "活动", "服务", "隐患", "投诉", "领导",
        "尽快", "处理", "谢谢", "重视", "改善", "一点", "有点", "几个", "一些", "点", "加装", "建设", "增加", "需要", "现在", "最近",
        "大家", "我家", "我们", "附近", "周边", "小区", "村", "村民", "市民", "住户", "业主", "人", "多", "少", "吧", "之类", "那个",
        "这个", "问问", "有没有", "开个", "想学", "学", "办个", "志愿者", "开设", "借", "教", "能", "会", "要", "让", "给", "去", "来", "不", "不会", "没", "都", "也", "就", "还", "说", "好", "大", "小", "里", "上", "下", "地方",
    };

    [ThreadStatic]
    private static List<Range>? t_spans;

    [ThreadStatic]
    private static List<(uint Hash, float Weight, bool Specific)>? t_words;

    /// <summary>Keys of the place names found by a place word (see <see cref="PlaceNames.Of"/>).</summary>
    public uint[] PlaceKeys { get; }

    /// <summary>
    /// Sorted keys of the places the need mentions, with or without a place word; set by
    /// <see cref="PlaceMentions.Assign"/> once the whole corpus's place names are known.
    /// </summary>
    public uint[] Mentions { get; internal set; } = [];

    /// <summary>Hashed content words (canonical), ascending.</summary>
    public uint[] Features { get; }

    public float[] Weights { get; }

    /// <summary>Bit k set when feature k is not a broad word: two duplicates share at least one such word.</summary>
    public ulong SpecificMask { get; }

    /// <summary>Sum of the weights.</summary>
    public float Mass { get; }

    private NeedSignature(uint[] placeKeys, uint[] features, float[] weights, ulong specificMask)
    {
        PlaceKeys = placeKeys;
        Features = features;
        Weights = weights;
        SpecificMask = specificMask;
        foreach (var w in weights) Mass += w;
    }

    /// <summary>The highest-weighted words, at most <see cref="KeyTerms"/>: block keys for candidates.</summary>
    public uint[] KeyWords()
    {
        var count = Math.Min(KeyTerms, Features.Length);
        var picked = new uint[count];
        var used = 0UL;
        for (var k = 0; k < count; k++)
        {
            var best = -1;
            for (var f = 0; f < Features.Length && f < 64; f++)
            {
                if ((used & (1UL << f)) != 0) continue;
                if (best < 0 || Weights[f] > Weights[best]) best = f;
            }
            if (best < 0) return picked[..k];
            used |= 1UL << best;
            picked[k] = Features[best];
        }
        return picked;
    }

    public static NeedSignature Of(string? text, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<Token>();
        text ??= "";
        analyzer.CollectTerms(text, terms);
        return Of(text, terms, analyzer);
    }

    /// <summary>From already segmented content words (e.g. the pipeline's), so no text is segmented twice.</summary>
    public static NeedSignature Of(ReadOnlySpan<char> text, IReadOnlyList<Token> contentTerms, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(contentTerms);
        ArgumentNullException.ThrowIfNull(analyzer);
        var spans = t_spans ??= [];
        var words = t_words ??= [];
        spans.Clear();
        words.Clear();
        var placeKeys = PlaceNames.FindKeys(text, spans);
        foreach (var token in contentTerms)
        {
            var word = token.Of(text);
            if (InPlace(token, spans) || IsPlaceWord(word) || IsBoilerplate(word)) continue;
            var canonical = DomainSynonyms.Of(word);
            var key = canonical ?? (ReadOnlySpan<char>)word;
            var broad = canonical is not null && DomainSynonyms.IsBroad(canonical);
            var idf = Math.Clamp(analyzer.IdfOf(key), 2f, 12f) * (broad ? BroadWeight : 1f);
            var hash = (uint)TermHash.Of(key);
            var seen = false;
            for (var k = 0; k < words.Count; k++)
            {
                if (words[k].Hash != hash) continue;
                seen = true;
                if (words[k].Weight < idf) words[k] = (hash, idf, !broad);
            }
            if (!seen) words.Add((hash, idf, !broad));
        }
        words.Sort((x, y) => x.Hash.CompareTo(y.Hash));
        var features = new uint[words.Count];
        var weights = new float[words.Count];
        var mask = 0UL;
        for (var k = 0; k < words.Count; k++)
        {
            (features[k], weights[k], var specific) = words[k];
            if (specific && k < 64) mask |= 1UL << k;
        }
        return new NeedSignature(placeKeys, features, weights, mask);
    }

    /// <summary>
    /// Weighted overlap of the two word sets: the weight both share over the smaller need's weight, so a short need
    /// (翠湖花园缺个长者饭堂) can match a long one that says more; 0 unless they share a word that is not broad.
    /// </summary>
    public static double Similarity(NeedSignature a, NeedSignature b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Mass == 0 || b.Mass == 0) return 0;
        double shared = 0;
        var specific = false;
        int i = 0, j = 0;
        var (fa, fb) = (a.Features, b.Features);
        while (i < fa.Length && j < fb.Length)
        {
            if (fa[i] == fb[j])
            {
                shared += Math.Min(a.Weights[i], b.Weights[j]);
                specific |= i < 64 && j < 64 && (a.SpecificMask & (1UL << i)) != 0 && (b.SpecificMask & (1UL << j)) != 0;
                i++;
                j++;
            }
            else if (fa[i] < fb[j]) i++;
            else j++;
        }
        return specific ? shared / Math.Min(a.Mass, b.Mass) : 0;
    }

    private static bool InPlace(Token token, List<Range> spans)
    {
        foreach (var span in spans)
            if (token.Start < span.End.Value && token.End > span.Start.Value) return true;
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BoilerplateLookup = Boilerplate.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsBoilerplate(ReadOnlySpan<char> word) => BoilerplateLookup.Contains(word);

    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "小区", "社区", "街道", "花园", "家园", "新村", "老村", "公园", "广场", "大厦", "学校", "小学", "中学", "村", "城", "苑", "府",
        "湾", "路", "街", "区", "居", "工业区", "幼儿园", "绿道", "碧道", "区内", "村里", "小区内", "村口", "雅苑", "华府", "公馆",
        "山庄", "世居", "大道", "学校门口", "门口", "校门口",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceWordLookup = PlaceWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsPlaceWord(ReadOnlySpan<char> word) =>
        PlaceWordLookup.Contains(word) || (word.Length >= 2 && PlaceNames.KnownKeys.Contains(PlaceNames.KeyOf(PlaceNames.Strip(word))));
}
