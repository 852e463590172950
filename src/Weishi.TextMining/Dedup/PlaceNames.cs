using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Dedup;

/// <summary>
/// Finds the places a need names — estates, villages, parks, schools, roads and the district's communities — so that
/// the same request about two different places is never suggested as a duplicate. Works on characters, not
/// segments, because the segmenter splits unknown estate names unpredictably (星河/城小/区内): a name is the up to
/// four Han characters before a place word (小区, 花园, 新村, 小学, 路, 村 …), cut after the last function character
/// (到, 在, 对 …). A place is then identified by the last two characters of its name (翠湖花园 → 翠湖, 锦绣山河小区
/// → 山河), so a need that mentions 锦绣山河 without any place word still counts as being about that place.
/// </summary>
public static class PlaceNames
{
    private static readonly string[] LongSuffixes =
    [
        "幼儿园", "工业区", "工业园", "党群服务中心", "小区", "社区", "街道", "花园", "家园", "新村", "老村", "公园", "广场",
        "大厦", "学校", "小学", "中学", "绿道", "碧道", "大道", "山庄", "公馆", "雅苑", "华府", "世居", "公交站",
    ];

    /// <summary>One-character place words and the characters that, following them, make them no place (村民, 路口).</summary>
    private static readonly (char Suffix, string NotBefore, string NotAfter)[] ShortSuffixes =
    [
        ('村', "民口里委子庄长务级", "农乡全本回进"), ('苑', "", ""), ('府', "", "政"),
        ('湾', "区", "港"), ('路', "口面边上灯旁段况线过人", "线马道公铁水山小走出思行"),
    ];

    /// <summary>Characters that cannot be part of a name: a name starts after the last of them (在聚龙山 → 聚龙山).</summary>
    private static readonly HashSet<char> Function =
    [
        .. "过走上下去来回出进到在对向给为把被让从往跟与和及请帮住是的了个这那我你他她们于近有没很太都也就还要想能会说看做搞弄拉停修装开建设由条小大段该本全各每整附周边旁后前里内外处种些点次一几两多好新老反映议望",
    ];

    /// <summary>Words that often stand right before a place and are cut from its name (反映田头村 → 田头).</summary>
    private static readonly string[] LeadingWords = ["居民", "反映", "建议", "希望", "优化", "面向", "挖掘", "关于", "位于", "就是", "我们", "咱们"];

    /// <summary>Names that are no place.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "城中", "中心", "社区", "街道", "门口", "实验", "停车", "接送", "后门", "大门", "侧门", "楼下", "楼道", "路口", "村口", "巷子", "旁边",
        "对面", "隔壁", "那边", "这边", "居民", "服务", "儿童", "体育", "文化", "健身", "郊野", "口袋", "主干", "人行", "城市",
        "全区", "辖区", "希望", "建议", "反映", "麻烦", "联系", "所在", "咱们", "我们", "你们", "公交线", "交线", "住宅", "商业", "居住", "智慧", "示范", "老旧", "公办", "民办", "各个", "整个", "附近", "家长", "纳入", "缺少", "市民", "新市", "老人", "长者", "老年", "孩子", "少儿", "青少",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericLookup = Generic.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A name ending in a word jieba tags as a verb or function word is the clause before a place word, not a place
    /// (想知道社区有什么服务); verbs still name roads (解放路). The district's own names always count.
    /// </summary>
    private static bool IsNonName(ReadOnlySpan<char> key, bool beforeRoad) =>
        TextAnalyzer.Default.Segmenter.IsClauseWord(key, out var verb) && !(verb && beforeRoad) && !LazyKnownKeys.Value.Contains(KeyOf(key));

    private static readonly Lazy<string[]> Known = new(() =>
        [.. ChineseSegmenter.DefaultUserWords().Where(w => w.Tag == "ns").Select(w => Strip(w.Word).ToString()).Where(w => w.Length == 2).Distinct(StringComparer.Ordinal)]);

    /// <summary>Identifying bigrams of the district's own place names (坪山, 六联 …): always places.</summary>
    public static IReadOnlySet<uint> KnownKeys => LazyKnownKeys.Value;

    private static readonly Lazy<HashSet<uint>> LazyKnownKeys = new(() => [.. Known.Value.Select(k => KeyOf(k))]);

    /// <summary>The place names in <paramref name="text"/> found by a place word (翠湖花园 → 翠湖, 和平新村 → 和平).</summary>
    public static string[] Of(ReadOnlySpan<char> text)
    {
        var names = new List<string>();
        Find(text, null, names);
        return [.. names];
    }

    /// <summary>The keys of the names found by a place word, collecting where each place stands in the text.</summary>
    public static uint[] FindKeys(ReadOnlySpan<char> text, List<Range> spans)
    {
        List<uint>? keys = null;
        Find(text, spans, null, ref keys);
        return keys is null ? [] : [.. keys];
    }

    private static void Find(ReadOnlySpan<char> text, List<Range>? spans, List<string> names)
    {
        List<uint>? keys = null;
        Find(text, spans, names, ref keys);
    }

    private static readonly HashSet<char> SuffixStarts = [.. LongSuffixes.Select(s => s[0]), .. ShortSuffixes.Select(s => s.Suffix)];

    private static void Find(ReadOnlySpan<char> text, List<Range>? spans, List<string>? names, ref List<uint>? keys)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!SuffixStarts.Contains(text[i])) continue;
            var end = -1;
            var suffixLength = 0;
            foreach (var s in LongSuffixes)
            {
                if (text[i..].StartsWith(s, StringComparison.Ordinal))
                {
                    (end, suffixLength) = (i, s.Length);
                    break;
                }
            }
            if (end < 0)
            {
                foreach (var (c, notBefore, notAfter) in ShortSuffixes)
                {
                    if (text[i] == c && i > 0 && !notAfter.Contains(text[i - 1], StringComparison.Ordinal)
                        && (i + 1 == text.Length || !notBefore.Contains(text[i + 1], StringComparison.Ordinal)))
                    {
                        end = i;
                        suffixLength = 1;
                        break;
                    }
                }
            }
            if (end <= 0) continue;
            var start = end;
            while (start > 0 && end - start < 4 && CharClasses.IsHan(text[start - 1]) && !Function.Contains(text[start - 1])) start--;
            if (end - start < 2) continue;
            var name = text[start..end];
            foreach (var lead in LeadingWords)
                if (name.Length - lead.Length >= 2 && name.StartsWith(lead, StringComparison.Ordinal)) name = name[lead.Length..];
            // A community or subdistrict inside the name is not part of it: 六和社区跳广场舞 names no square.
            foreach (var area in AreaWords)
                if (name.IndexOf(area, StringComparison.Ordinal) is var at and >= 0 && at + area.Length < name.Length) name = name[(at + area.Length)..];
            if (name.Length < 2) continue;
            name = Strip(name);
            if (GenericLookup.Contains(name) || GenericLookup.Contains(name[^2..]) || IsNonName(name[^2..], text[end] == '路'))
            {
                // Not a name (坪山实验学校 is found by 坪山), but its words are place words, not the need's content.
                if (suffixLength > 1) spans?.Add(start..(end + suffixLength));
                continue;
            }
            // Before 路 only a name the dictionary does not know (深汕路) or one that opens a clause (金牛路…), not 看不清路.
            if (text[end] == '路' && TextAnalyzer.Default.Idf.Of(name[^2..]) != TextAnalyzer.Default.Idf.Median
                && start > 0 && CharClasses.IsHan(text[start - 1]))
                continue;
            var key = KeyOf(name);
            if (names is not null && !names.Contains(name.ToString())) names.Add(name.ToString());
            if (!(keys ??= []).Contains(key)) keys.Add(key);
            spans?.Add(start..(end + suffixLength));
        }
    }

    /// <summary>
    /// The keys of place names a district added to its dictionary (聚龙山 → 龙山, 燕子湖 → 子湖): fine places like the
    /// estates found by a place word, never communities. A name with a place word is keyed as in a text (聚龙山公园 →
    /// 龙山); none is kept for a name that is only a place word or generic once its own is cut (中心广场 would make
    /// every 广场 one place), nor for one of the district's communities (already places, at community level).
    /// </summary>
    public static HashSet<uint> KeysOfAdded(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var keys = new HashSet<uint>();
        foreach (var word in words)
        {
            List<uint>? found = null;
            Find(word, null, null, ref found);
            if (found is not null) keys.UnionWith(found);
            else if (Strip(word) is { Length: >= 2 } name && !GenericLookup.Contains(name[^2..]) && !SuffixLookup.Contains(name[^2..]))
                keys.Add(KeyOf(name));
        }
        keys.ExceptWith(LazyKnownKeys.Value);
        return keys;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup =
        new HashSet<string>(LongSuffixes.Select(s => s[^2..]), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "小区", "社区", "街道", "花园", "家园", "新村", "老村", "公园", "广场", "大厦", "学校", "小学", "中学", "村", "城", "苑", "府",
        "湾", "路", "街", "区", "居", "工业区", "幼儿园", "绿道", "碧道", "区内", "村里", "小区内", "村口", "雅苑", "华府", "公馆",
        "山庄", "世居", "大道", "学校门口", "门口", "校门口",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceWordLookup = PlaceWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A place word or a place's name: the district's (<paramref name="addedPlaces"/> too), not the need's content.</summary>
    internal static bool IsPlaceWord(ReadOnlySpan<char> word, HashSet<uint> addedPlaces) =>
        PlaceWordLookup.Contains(word) || (word.Length >= 2 && KeyOf(Strip(word)) is var key
            && (KnownKeys.Contains(key) || (addedPlaces.Count > 0 && addedPlaces.Contains(key))));

    /// <summary>The bigram that identifies a name: its last two characters, hashed like <see cref="Shingles"/>.</summary>
    public static uint KeyOf(ReadOnlySpan<char> name) => name.Length < 2 ? 0 : (uint)TermHash.OfBigram(name[^2], name[^1]);

    /// <summary>
    /// True unless both needs mention places and share none. <paramref name="a"/> and <paramref name="b"/> are the
    /// sorted place keys each need mentions (see <see cref="NeedSignature.Mentions"/>). When both name places finer
    /// than the district's communities (estates, roads, villages found by a place word), those must agree: 东纵路金沙站
    /// and 金牛路金沙站 share the community name 金沙 but are two bus stops.
    /// </summary>
    public static bool Compatible(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.IsEmpty || b.IsEmpty) return true;
        var known = LazyKnownKeys.Value;
        if (!SameCommunity(a, b)) return false;
        bool fineA = false, fineB = false;
        foreach (var k in a) fineA |= !known.Contains(k);
        foreach (var k in b) fineB |= !known.Contains(k);
        if (!(fineA && fineB)) return Shares(a, b);
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                if (!known.Contains(a[i])) return true;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return false;
    }

    /// <summary>
    /// Two needs that both name communities share one of them: 坪山河和平段 and 坪山河六联段 are two stretches of one
    /// river. The district's and subdistricts' names (also inside 坪山河, 坪山大道) say nothing here.
    /// </summary>
    private static bool SameCommunity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var communities = LazyCommunityKeys.Value;
        bool communityA = false, communityB = false;
        foreach (var k in a) communityA |= communities.Contains(k);
        foreach (var k in b) communityB |= communities.Contains(k);
        if (!(communityA && communityB)) return true;
        foreach (var k in a)
            if (communities.Contains(k) && b.Contains(k)) return true;
        return false;
    }

    /// <summary>
    /// Keys of the district's community names, without the district and its subdistricts (the user dictionary's
    /// <c>…街道</c> words; their names are also communities', and a shared one does not place two needs together).
    /// </summary>
    private static readonly Lazy<HashSet<uint>> LazyCommunityKeys = new(() =>
    {
        var subdistricts = ChineseSegmenter.DefaultUserWords().Where(w => w.Tag == "ns" && w.Word.EndsWith("街道", StringComparison.Ordinal))
            .Select(w => KeyOf(Strip(w.Word))).ToHashSet();
        return [.. LazyKnownKeys.Value.Where(k => !subdistricts.Contains(k))];
    });

    /// <summary>The need's most specific place key (the smallest finer than a community, else the smallest), or 0.</summary>
    public static uint PrimaryOf(ReadOnlySpan<uint> mentions)
    {
        if (mentions.IsEmpty) return 0;
        var known = LazyKnownKeys.Value;
        foreach (var k in mentions)
            if (!known.Contains(k)) return k;
        return mentions[0];
    }

    private static bool Shares(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) return true;
            if (a[i] < b[j]) i++;
            else j++;
        }
        return false;
    }

    /// <summary>The name without a community or subdistrict ending (六联社区 → 六联).</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> name)
    {
        foreach (var s in CommunityEndings)
            if (name.Length - s.Length >= 2 && name.EndsWith(s, StringComparison.Ordinal)) return name[..^s.Length];
        return name;
    }

    private static readonly string[] CommunityEndings = ["社区", "街道", "区"];

    /// <summary>The community and subdistrict words of <see cref="CommunityEndings"/>.</summary>
    private static readonly string[] AreaWords = CommunityEndings[..2];
}
