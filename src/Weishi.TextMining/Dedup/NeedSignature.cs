using Weishi.TextMining.Classification;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// What the paraphrase stage compares: the places a need names; the programme's concepts it mentions
/// (the analyzer's <see cref="DomainConcepts"/>: 助餐点 and 老人食堂 are both 长者饭堂); and its other content words apart from places
/// and request boilerplate (建议, 希望, 能不能 …), weighted by IDF and counting less than concepts — as a sorted sparse
/// vector. Broad concepts (晚上, 免费 …) and target groups (老人, 孩子 …) count a third.
/// </summary>
public sealed class NeedSignature
{
    /// <summary>
    /// Words kept as block keys, the highest-weighted first. Four rather than three: a short need and a long one about
    /// the same thing can share two of their four strongest words but not of their three (bench/textmining.md §4).
    /// </summary>
    public const int KeyTerms = 4;

    /// <summary>Broad concepts, target groups and weak aspects count this much of a concept.</summary>
    internal const float BroadWeight = 0.3f;

    /// <summary>An aspect (opening hours, holidays …) counts this much of a concept.</summary>
    internal const float AspectWeight = 0.5f;

    /// <summary>Weight of a concept: about the IDF of a specific word (jieba's IDF of 路灯 is 9.6).</summary>
    internal const float ConceptWeight = 9f;

    /// <summary>Words outside the concept table count this much of their IDF: mostly a resident's story around the request.</summary>
    internal const float ResidualWeight = 0.3f;

    /// <summary>Similarity kept when the two name target groups and none in common (eye checks for old people vs children).</summary>
    internal const double TargetConflictFactor = 0.3;

    /// <summary>Share of the smaller need's weight in the denominator (the rest: the larger's), so a short need can match a long one.</summary>
    internal const double MinShare = 0.7;

    /// <summary>Similarity kept when the two are about different aspects only (opening hours vs queues at one clinic).</summary>
    internal const double AspectConflictFactor = 0.3;

    /// <summary>Similarity kept when the classifier puts the two in different categories.</summary>
    internal const double CategoryConflictFactor = 0.6;

    /// <summary>Request boilerplate shared by needs that ask for different things.</summary>
    private static readonly HashSet<string> Boilerplate = NotConcepts(
    [
        "建议", "希望", "社区", "居民", "反映", "能不能", "能否", "可以", "开展", "组织", "设置", "增设", "问题", "一下", "特别",
        "请", "解决", "进行", "安排", "提供", "加强", "设立", "搞", "办", "开", "装", "想", "求", "帮", "太", "好多", "很多",
        "没有", "经常", "天天", "每天", "实在", "真的", "根本", "定期", "一次", "活动", "服务", "投诉", "领导",
        "尽快", "处理", "谢谢", "重视", "改善", "一点", "有点", "几个", "一些", "点", "加装", "建设", "增加", "需要", "现在", "最近",
        "大家", "我家", "我们", "来电", "诉求", "诉求人", "网格员", "上报", "工单", "反馈", "12345", "来电人", "咨询", "举办", "帮助", "实现", "相关", "部门", "介入", "附近", "周边", "小区", "村", "村民", "市民", "住户", "业主", "人", "多", "少", "吧", "之类", "那个",
        "这个", "问问", "有没有", "开个", "想学", "学", "办个", "志愿者", "开设", "借", "教", "能", "会", "要", "让", "给", "去", "来", "不", "不会", "没", "都", "也", "就", "还", "说", "好", "大", "小", "里", "上", "下", "地方",
    ]);

    /// <summary>A word both request boilerplate and a concept form would silently count as one of the two only.</summary>
    private static HashSet<string> NotConcepts(string[] words) =>
        words.FirstOrDefault(DomainConcepts.Shipped.IsForm) is { } both
            ? throw new InvalidOperationException($"{both} is both request boilerplate and a word of concepts.txt")
            : new HashSet<string>(words, StringComparer.Ordinal);

    [ThreadStatic]
    private static List<Range>? t_spans;

    [ThreadStatic]
    private static List<(uint Hash, float Weight, bool Specific)>? t_words;

    [ThreadStatic]
    private static List<(Range At, int Concept)>? t_concepts;

    /// <summary>Keys of the place names found by a place word (see <see cref="PlaceNames.Of"/>).</summary>
    public uint[] PlaceKeys { get; }

    /// <summary>
    /// Sorted keys of the places the need mentions, with or without a place word; set by
    /// <see cref="PlaceMentions.Assign"/> once the whole corpus's place names are known.
    /// </summary>
    public uint[] Mentions { get; internal set; } = [];

    /// <summary>Hashes of the need's concepts and other content words, ascending.</summary>
    public uint[] Features { get; }

    public float[] Weights { get; }

    /// <summary>
    /// Bit k set when feature k is a specific concept, an aspect or a word outside the table (not a broad word, target
    /// group or weak aspect): two duplicates share at least one such feature. Only the first 64 features have a bit;
    /// the longest labelled need has 33.
    /// </summary>
    public ulong SpecificMask { get; }

    /// <summary>Sum of the weights.</summary>
    public float Mass { get; }

    /// <summary>One bit per target group the need names (old people, children, workers …).</summary>
    public ulong Targets { get; }

    /// <summary>One bit per aspect the need is about (opening hours, queues, price …).</summary>
    public ulong Aspects { get; }

    /// <summary>The need's category as the classifier sees it, when known: needs of two categories are rarely one.</summary>
    public string? Category { get; }

    /// <summary>The classifier's three most probable categories, when known.</summary>
    public ClassProfile Profile { get; }

    private NeedSignature(uint[] placeKeys, uint[] features, float[] weights, ulong specificMask, ulong targets, ulong aspects, string? category, ClassProfile profile)
    {
        Category = category;
        Profile = profile;
        Targets = targets;
        Aspects = aspects;
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

    public static NeedSignature Of(string? text, TextAnalyzer analyzer, string? category = null, ClassProfile profile = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<Token>();
        text ??= "";
        analyzer.CollectTerms(text, terms);
        return Of(text, terms, analyzer, category, profile);
    }

    /// <summary>From already segmented content words (e.g. the pipeline's), so no text is segmented twice.</summary>
    public static NeedSignature Of(ReadOnlySpan<char> text, IReadOnlyList<Token> contentTerms, TextAnalyzer analyzer, string? category = null, ClassProfile profile = default) =>
        Of(text, contentTerms, analyzer, category, profile, null);

    /// <summary>The words and concepts a need's signature is made of, with their weights: why two needs were linked.</summary>
    public static IReadOnlyList<(string Word, float Weight)> Explain(string text, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<Token>();
        analyzer.CollectTerms(text, terms);
        var trace = new List<(string Word, float Weight)>();
        Of(text, terms, analyzer, null, default, trace);
        return trace;
    }

    private static NeedSignature Of(ReadOnlySpan<char> text, IReadOnlyList<Token> contentTerms, TextAnalyzer analyzer, string? category, ClassProfile profile, List<(string Word, float Weight)>? trace)
    {
        ArgumentNullException.ThrowIfNull(contentTerms);
        ArgumentNullException.ThrowIfNull(analyzer);
        var spans = t_spans ??= [];
        var concepts = t_concepts ??= [];
        var words = t_words ??= [];
        spans.Clear();
        concepts.Clear();
        words.Clear();
        var addedPlaces = analyzer.AddedPlaceKeys;
        var table = analyzer.Concepts;
        var placeKeys = PlaceNames.FindKeys(text, spans);
        table.Scan(text, spans, concepts);
        var (targets, aspects) = (0UL, 0UL);
        foreach (var (_, concept) in concepts) AddConcept(table, concept, words, ref targets, ref aspects, trace);
        foreach (var token in contentTerms)
        {
            var word = token.Of(text);
            if (InPlace(token, spans) || Covered(token, concepts) || PlaceNames.IsPlaceWord(word, addedPlaces) || IsBoilerplate(word)) continue;
            if (table.OfWord(word) is var concept and >= 0)
            {
                AddConcept(table, concept, words, ref targets, ref aspects, trace);
                continue;
            }
            var weight = Math.Clamp(analyzer.IdfOf(word), 2f, 12f) * ResidualWeight;
            trace?.Add((word.ToString(), weight));
            Add(words, (uint)TermHash.Of(word), weight, true);
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
        return new NeedSignature(placeKeys, features, weights, mask, targets, aspects, category, profile);
    }

    /// <summary>A concept's weight by its kind.</summary>
    internal static float WeightOf(DomainConcepts.Kind kind) =>
        ConceptWeight * kind switch { DomainConcepts.Kind.Specific => 1f, DomainConcepts.Kind.Aspect => AspectWeight, _ => BroadWeight };

    private static void AddConcept(DomainConcepts table, int id, List<(uint Hash, float Weight, bool Specific)> words, ref ulong targets, ref ulong aspects, List<(string Word, float Weight)>? trace)
    {
        ref readonly var concept = ref table.Get(id);
        if (concept.Kind == DomainConcepts.Kind.Target) targets |= concept.FacetBit;
        else aspects |= concept.FacetBit;
        trace?.Add(("<" + concept.Name + ">", concept.Weight));
        Add(words, concept.Hash, concept.Weight, concept.Specific);
    }

    private static void Add(List<(uint Hash, float Weight, bool Specific)> words, uint hash, float weight, bool specific)
    {
        for (var k = 0; k < words.Count; k++)
        {
            if (words[k].Hash != hash) continue;
            if (words[k].Weight < weight) words[k] = (hash, weight, specific);
            return;
        }
        words.Add((hash, weight, specific));
    }

    private static bool Covered(Token token, List<(Range At, int Concept)> concepts)
    {
        foreach (var (at, _) in concepts)
            if (DomainConcepts.Overlaps(at, token.Start, token.End)) return true;
        return false;
    }

    /// <summary>
    /// How alike two needs are for the paraphrase stage: their <see cref="Overlap"/>, lowered when the two name only
    /// different target groups or only different aspects, or fall in different categories. The weights and factors
    /// were chosen by hand looking at the development sets' errors; it is one of the <see cref="PairFeatures"/> the
    /// pair model decides on (bench/textmining.md §4).
    /// </summary>
    public static double Similarity(NeedSignature a, NeedSignature b) => Similarity(a, b, Overlap(a, b));

    /// <summary>The similarity of two needs whose <see cref="Overlap"/> is known.</summary>
    public static double Similarity(NeedSignature a, NeedSignature b, double overlap)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var score = overlap;
        if (score == 0) return 0;
        if (a.Targets != 0 && b.Targets != 0 && (a.Targets & b.Targets) == 0) score *= TargetConflictFactor;
        if (a.Aspects != 0 && b.Aspects != 0 && (a.Aspects & b.Aspects) == 0) score *= AspectConflictFactor;
        if (a.Category is not null && b.Category is not null && !string.Equals(a.Category, b.Category, StringComparison.Ordinal)) score *= CategoryConflictFactor;
        return score;
    }

    /// <summary>
    /// Weighted overlap of the two signatures: the weight both share over mostly the smaller need's weight, so a short
    /// need (翠湖花园缺个长者饭堂) can match a long one that says more; 0 unless they share a word or concept that is not
    /// broad. Stage one uses it alone, to tell shared content from shared boilerplate.
    /// </summary>
    public static double Overlap(NeedSignature a, NeedSignature b)
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
        return specific ? shared / ((MinShare * Math.Min(a.Mass, b.Mass)) + ((1 - MinShare) * Math.Max(a.Mass, b.Mass))) : 0;
    }

    private static bool InPlace(Token token, List<Range> spans)
    {
        foreach (var span in spans)
            if (DomainConcepts.Overlaps(span, token.Start, token.End)) return true;
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BoilerplateLookup = Boilerplate.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsBoilerplate(ReadOnlySpan<char> word) => BoilerplateLookup.Contains(word);

    /// <summary>Whether <paramref name="word"/> is request boilerplate (建议, 希望, 社区 …), which no signature counts.</summary>
    public static bool IsRequestBoilerplate(string word) => Boilerplate.Contains(word);
}
