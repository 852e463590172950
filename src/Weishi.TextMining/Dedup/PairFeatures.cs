using Weishi.TextMining.Classification;
using Weishi.TextMining.Segmentation;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// What the pair model (<see cref="PairModel"/>) sees of two needs: the concept similarity and overlap of their
/// signatures; their character-bigram Jaccard; the IDF-weighted cosines of their Han characters and of their bigrams,
/// which catch shared words the concept table does not know (买菜 / 买餸); how alike the classifier sees them; the facet
/// conflicts; their length ratio; what they say about places; and, apart, what each asks for (from its first 希望,
/// 建议, 能不能 … on) and the situation before it, and which kinds of ask each makes (repair, add, opening hours, an
/// activity, enforcement, upkeep, moving away, money, summer, winter), so that two asks about one facility at one place
/// can be told from one ask in other words. The IDF comes from the built-in training needs.
/// </summary>
public static class PairFeatures
{
    public const int Count = 16;

    public static readonly string[] Names =
        ["similarity", "overlap", "jaccard", "char_cosine", "bigram_cosine", "class_profile", "target_conflict", "aspect_conflict", "same_category", "length_ratio", "place",
         "ask_cosine", "asks", "situation_cosine", "kind_conflict", "kind_overlap"];

    /// <summary>Kinds of ask: repair, add, opening hours, an activity or course, enforcement, upkeep, moving away, money, summer, winter.</summary>
    private static readonly string[][] AskKinds =
    [
        ["修", "坏", "烂", "破损", "松动", "歪", "开裂", "不亮", "跌咗", "损坏", "更换", "换新", "漏", "堵"],
        ["增加", "增设", "加装", "多装", "补充", "添置", "新装", "安装", "太少", "不够", "多放", "补种", "多开"],
        ["开放时间", "开门", "不开", "开到", "延长", "营业时间", "晚上开", "周末开"],
        ["组织", "举办", "办个", "搞个", "开展", "比赛", "联赛", "读书会", "故事会", "培训", "讲座", "课堂", "兴趣班", "学习"],
        ["整治", "乱停", "占道", "执法", "处罚", "管理"],
        ["清理", "清运", "清扫", "修剪", "保洁", "消杀", "打扫", "冲洗"],
        ["搬", "移走", "拆除", "迁"],
        ["补贴", "资助", "便宜", "价格", "太贵", "收费", "费用", "免费"],
        ["暑假", "暑期"],
        ["寒假"],
    ];

    /// <summary>Where a request begins (希望…, 建议…, 能不能…): what follows is the ask, what comes before the situation.</summary>
    private static readonly string[] AskMarkers = ["希望", "建议", "能不能", "能否", "可不可以", "可唔可以", "可否", "请求", "要求", "盼", "麻烦"];

    private const int BigramSlots = 1 << 20;

    /// <summary>
    /// Below this concept similarity and bigram Jaccard both, a pair is no candidate: on the labelled sets such pairs
    /// are 70 % of those sharing anything and 4 % of the duplicates, and most of those the model would not link anyway.
    /// </summary>
    public const double MinSimilarity = 0.1;

    private static readonly Lazy<(float[] Chars, float[] Bigrams)> Idf = new(BuildIdf);

    /// <summary>
    /// Writes the features of the pair into <paramref name="into"/>; false when the two are no candidates: they name
    /// different places, or are below <see cref="MinSimilarity"/> in both concepts and bigrams.
    /// </summary>
    public static bool Compute(ReadOnlySpan<char> textA, ReadOnlySpan<uint> shinglesA, NeedSignature a,
        ReadOnlySpan<char> textB, ReadOnlySpan<uint> shinglesB, NeedSignature b, Span<double> into) =>
        Compute(textA, shinglesA, a, MeasuresOf(textA, shinglesA), textB, shinglesB, b, MeasuresOf(textB, shinglesB), into);

    /// <summary>What the features need of one text alone, computed once per need by the linker: the lengths of its
    /// character and bigram IDF vectors, its kinds of ask, and where its ask begins.</summary>
    internal readonly record struct TextMeasures(float Chars, float Bigrams, uint Kinds, int AskStart);

    internal static TextMeasures MeasuresOf(ReadOnlySpan<char> text, ReadOnlySpan<uint> shingles)
    {
        var (idf, stamps, tick) = Scratch();
        var chars = MarkChars(text, idf.Chars, stamps, tick);
        double bigrams = 0;
        foreach (var h in shingles) bigrams += Square(idf.Bigrams[h & (BigramSlots - 1)]);
        return new TextMeasures((float)Math.Sqrt(chars), (float)Math.Sqrt(bigrams), KindsOf(text), AskStartOf(text));
    }

    internal static bool Compute(ReadOnlySpan<char> textA, ReadOnlySpan<uint> shinglesA, NeedSignature a, TextMeasures measuresA,
        ReadOnlySpan<char> textB, ReadOnlySpan<uint> shinglesB, NeedSignature b, TextMeasures measuresB, Span<double> into)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (pa, pb) = (a.Mentions.Length > 0, b.Mentions.Length > 0);
        if (pa && pb && !PlaceNames.Compatible(a.Mentions, b.Mentions)) return false;
        var overlap = NeedSignature.Overlap(a, b);
        var similarity = NeedSignature.Similarity(a, b, overlap);
        var (jaccard, bigramDot) = SharedBigrams(shinglesA, shinglesB);
        if (similarity < MinSimilarity && jaccard < MinSimilarity) return false;
        into[0] = similarity;
        into[1] = overlap;
        into[2] = jaccard;
        into[3] = Cosine(CharDot(textA, textB), measuresA.Chars, measuresB.Chars);
        into[4] = Cosine(bigramDot, measuresA.Bigrams, measuresB.Bigrams);
        into[5] = a.Profile.Similarity(b.Profile);
        into[6] = a.Targets != 0 && b.Targets != 0 && (a.Targets & b.Targets) == 0 ? 1 : 0;
        into[7] = a.Aspects != 0 && b.Aspects != 0 && (a.Aspects & b.Aspects) == 0 ? 1 : 0;
        into[8] = string.Equals(a.Category, b.Category, StringComparison.Ordinal) ? 1 : 0;
        into[9] = Math.Log((double)Math.Max(textA.Length, textB.Length) / Math.Max(1, Math.Min(textA.Length, textB.Length)));
        into[10] = pa && pb ? 2 : pa || pb ? 1 : 0;
        // Two asks about one facility at one place share the situation's words; what they ask for tells them apart.
        into[11] = AskCosine(textA[measuresA.AskStart..], textB[measuresB.AskStart..]);
        into[12] = (measuresA.AskStart > 0 ? 1 : 0) + (measuresB.AskStart > 0 ? 1 : 0);
        into[13] = into[12] == 2 ? AskCosine(textA[..measuresA.AskStart], textB[..measuresB.AskStart]) : -1;
        var (kindsA, kindsB) = (measuresA.Kinds, measuresB.Kinds);
        into[14] = kindsA != 0 && kindsB != 0 && (kindsA & kindsB) == 0 ? 1 : 0;
        into[15] = kindsA == 0 || kindsB == 0 ? -1 : (double)System.Numerics.BitOperations.PopCount(kindsA & kindsB) / System.Numerics.BitOperations.PopCount(kindsA | kindsB);
        return true;
    }

    private static uint KindsOf(ReadOnlySpan<char> text)
    {
        uint kinds = 0;
        for (var k = 0; k < AskKinds.Length; k++)
            foreach (var word in AskKinds[k])
                if (text.Contains(word, StringComparison.Ordinal))
                {
                    kinds |= 1u << k;
                    break;
                }
        return kinds;
    }

    /// <summary>Where the ask begins: at the first request marker; 0 (the whole text) when there is none.</summary>
    private static int AskStartOf(ReadOnlySpan<char> text)
    {
        var at = text.Length;
        foreach (var marker in AskMarkers)
        {
            var i = text.IndexOf(marker, StringComparison.Ordinal);
            if (i >= 0 && i < at) at = i;
        }
        return at == text.Length ? 0 : at;
    }

    /// <summary>IDF-weighted cosine of the Han characters of two asks (norms computed here: asks are short).</summary>
    private static double AskCosine(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var (idf, stamps, tick) = Scratch();
        var normA = MarkChars(a, idf.Chars, stamps, tick);
        double normB = 0, dot = 0;
        foreach (var c in b)
        {
            if (!CharClasses.IsHan(c) || stamps[c] == tick + 1) continue;
            if (stamps[c] == tick) dot += Square(idf.Chars[c]);
            stamps[c] = tick + 1;
            normB += Square(idf.Chars[c]);
        }
        return normA == 0 || normB == 0 ? 0 : Math.Min(1, dot / Math.Sqrt(normA * normB));
    }

    /// <summary>Marks the distinct Han characters of a text with <paramref name="tick"/> and returns the sum of their IDF².</summary>
    private static double MarkChars(ReadOnlySpan<char> text, float[] idf, int[] stamps, int tick)
    {
        double sum = 0;
        foreach (var c in text)
        {
            if (!CharClasses.IsHan(c) || stamps[c] == tick) continue;
            stamps[c] = tick;
            sum += Square(idf[c]);
        }
        return sum;
    }

    private static double Cosine(double dot, float normA, float normB) => normA == 0 || normB == 0 ? 0 : Math.Min(1, dot / ((double)normA * normB));

    [ThreadStatic]
    private static int[]? t_stamps;

    [ThreadStatic]
    private static int t_tick;

    /// <summary>A per-thread mark per character, so distinct characters are found without sorting.</summary>
    private static ((float[] Chars, float[] Bigrams) Idf, int[] Stamps, int Tick) Scratch()
    {
        var stamps = t_stamps ??= new int[char.MaxValue + 1];
        if (t_tick >= int.MaxValue - 2)
        {
            Array.Clear(stamps);
            t_tick = 0;
        }
        t_tick += 2;
        return (Idf.Value, stamps, t_tick);
    }

    /// <summary>Sum of IDF² over the Han characters both texts contain.</summary>
    private static double CharDot(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var (idf, stamps, tick) = Scratch();
        foreach (var c in a)
            if (CharClasses.IsHan(c)) stamps[c] = tick;
        double dot = 0;
        foreach (var c in b)
        {
            if (!CharClasses.IsHan(c) || stamps[c] != tick) continue;
            stamps[c] = tick + 1;
            dot += Square(idf.Chars[c]);
        }
        return dot;
    }

    /// <summary>One pass over two sorted shingle sets: their Jaccard (as <see cref="Shingles.Jaccard"/>) and the sum of IDF² over the shared bigrams.</summary>
    private static (double Jaccard, double Dot) SharedBigrams(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.IsEmpty || b.IsEmpty) return (a.IsEmpty && b.IsEmpty ? 1.0 : 0.0, 0);
        var idf = Idf.Value.Bigrams;
        double dot = 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                dot += Square(idf[a[i] & (BigramSlots - 1)]);
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return ((double)common / (a.Length + b.Length - common), dot);
    }

    private static double Square(float v) => (double)v * v;

    private static (float[] Chars, float[] Bigrams) BuildIdf()
    {
        var texts = LabelledText.BuiltInTrainingSet().Select(t => t.Text).ToList();
        var charDf = new int[char.MaxValue + 1];
        var bigramDf = new int[BigramSlots];
        foreach (var text in texts)
        {
            foreach (var c in text.Where(CharClasses.IsHan).Distinct()) charDf[c]++;
            foreach (var h in Shingles.Of(text)) bigramDf[h & (BigramSlots - 1)]++;
        }
        var n = texts.Count + 1.0;
        return ([.. charDf.Select(df => (float)Math.Log(n / (df + 1)))], [.. bigramDf.Select(df => (float)Math.Log(n / (df + 1)))]);
    }
}
