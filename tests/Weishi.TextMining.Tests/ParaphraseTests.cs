using Weishi.TextMining.Dedup;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Tests;

/// <summary>The paraphrase stage of duplicate detection: places, the block-size cap, determinism.</summary>
public sealed class ParaphraseTests
{
    private const string Resident = "丽景城小区绿化带蚊子特别多，晚上下楼散步被咬得满腿包，希望搞一次消杀。";
    private const string OtherResident = "请社区到丽景城喷点灭蚊药吧，花坛草丛里蚊子多得吓人，我家小孩被咬得全身是包。";

    [Fact]
    public void Two_residents_asking_for_the_same_thing_at_the_same_place_in_other_words_are_one_group()
    {
        var groups = new DuplicateDetector().FindGroups([Resident, OtherResident, "希望社区组织端午节包粽子活动"]);
        Assert.True(groups.GroupOf[0] >= 0);
        Assert.Equal(groups.GroupOf[0], groups.GroupOf[1]);
        Assert.Equal(-1, groups.GroupOf[2]);
        Assert.Contains(groups.Links, l => l.Stage == DuplicateStage.Paraphrase);
    }

    [Fact]
    public void Needs_sharing_two_of_their_four_strongest_words_are_compared()
    {
        string[] texts = ["秀新社区没有室内的儿童活动场地，下雨天小孩只能在家看电视，希望建一个儿童之家。", "秀新缺儿童室内活动空间，建议建设儿童之家"];
        var signatures = new DuplicateDetector().Signatures(texts);
        Assert.Equal(NeedSignature.KeyTerms, signatures[0].KeyWords().Length);
        Assert.True(signatures[0].KeyWords().Intersect(signatures[1].KeyWords()).Count() >= 2);
        var groups = new DuplicateDetector().FindGroups(texts);
        Assert.True(groups.GroupOf[0] >= 0);
        Assert.Equal(groups.GroupOf[0], groups.GroupOf[1]);
    }

    [Fact]
    public void The_same_words_about_another_estate_are_not_a_duplicate()
    {
        var other = Resident.Replace("丽景城", "金域华府", StringComparison.Ordinal);
        var groups = new DuplicateDetector().FindGroups([Resident, other]);
        Assert.Equal(-1, groups.GroupOf[0]);
        Assert.Equal(-1, groups.GroupOf[1]);
    }

    [Fact]
    public void Without_the_place_rule_the_character_stage_alone_would_merge_them()
    {
        var other = Resident.Replace("丽景城", "金域华府", StringComparison.Ordinal);
        var groups = new DuplicateDetector { FindParaphrases = false }.FindGroups([Resident, other]);
        Assert.Equal(groups.GroupOf[0], groups.GroupOf[1]);
    }

    [Fact]
    public void Place_names_are_found_by_their_place_word_and_compared_without_it()
    {
        Assert.Contains("丽景城", PlaceNames.Of(Resident));
        Assert.Contains("翠湖", PlaceNames.Of("居民反映：翠湖花园小区内蚊虫滋生严重"));
        Assert.Contains("江岭", PlaceNames.Of("江岭新村能不能开个长者饭堂？"));
        Assert.Contains("金沙", PlaceNames.Of("金沙社区公交站没有遮雨棚"));
        Assert.Contains("深汕", PlaceNames.Of("深汕路和兰竹路交叉口没有红绿灯"));
        Assert.Empty(PlaceNames.Of("我们小区的路灯坏了，晚上看不清路"));
        Assert.Empty(PlaceNames.Of("方便村民出行，城中村环境差"));
    }

    [Fact]
    public void The_clause_before_a_place_word_is_no_place_but_a_road_may_be_named_after_a_verb()
    {
        Assert.Empty(PlaceNames.Of("刚来深圳打工，想知道社区有什么免费服务"));
        Assert.Empty(PlaceNames.Of("来深建设者子女能不能也参加社区四点半课堂"));
        Assert.Equal(["六联"], PlaceNames.Of("六联社区希望开设四点半课堂，解决小学生放学后没人看的问题"));
        Assert.Empty(PlaceNames.Of("学校嗰段路灯坏咗成个礼拜，夜晚行路好惊"));
        Assert.Contains("解放", PlaceNames.Of("解放路和兰竹路交叉口没有红绿灯"));
        Assert.Contains("碧岭", PlaceNames.Of("建议碧岭社区开展新市民融入活动"));
    }

    [Fact]
    public void Different_places_never_match_and_a_shared_place_counts_for_the_match()
    {
        string[] texts = ["翠湖花园蚊子特别多，希望消杀", "金域华府蚊子特别多，希望消杀", "翠湖花园草丛蚊虫太多，请来打药", "小区草丛蚊虫太多，请来打药"];
        var signatures = new DuplicateDetector().Signatures(texts);
        PlaceMentions.Assign(signatures, [.. texts.Select(t => Shingles.Of(t))]);
        var linker = new ParaphraseLinker();
        Assert.Null(linker.Probability(texts[0], signatures[0], texts[1], signatures[1]));
        Assert.True(linker.Probability(texts[0], signatures[0], texts[2], signatures[2]) >= ParaphraseLinker.LinkThreshold);
        // The same words, but the second need names no place: less likely the same need.
        Assert.True(linker.Probability(texts[0], signatures[0], texts[3], signatures[3]) < linker.Probability(texts[0], signatures[0], texts[2], signatures[2]));
    }

    [Fact]
    public void Two_estates_in_one_community_are_two_places_but_an_estate_lies_in_its_community()
    {
        string[] texts = ["东纵路金沙站那个公交站连个棚都没有", "金牛路金沙站那个公交站连个棚都没有", "金沙社区公交站没有遮雨棚"];
        var signatures = texts.Select(t => NeedSignature.Of(t, TextAnalyzer.Default)).ToArray();
        PlaceMentions.Assign(signatures, [.. texts.Select(t => Shingles.Of(t))]);
        Assert.False(PlaceNames.Compatible(signatures[0].Mentions, signatures[1].Mentions));
        Assert.True(PlaceNames.Compatible(signatures[0].Mentions, signatures[2].Mentions));
    }

    [Fact]
    public void Shared_boilerplate_alone_is_no_duplicate()
    {
        var groups = new DuplicateDetector().FindGroups(["社区能不能开个免费的书法培训班？孩子想学写毛笔字。", "社区里能不能开个免费的篮球培训班？孩子暑假没事做。"]);
        Assert.Equal(-1, groups.GroupOf[0]);
        Assert.Equal(-1, groups.GroupOf[1]);
    }

    [Fact]
    public void A_frequent_word_cannot_blow_up_the_candidates()
    {
        // 3,000 needs about one place and one topic form one huge block; beyond the cap each need is compared with a
        // window of neighbours only, so the verified candidates stay linear in N, far below N²/2 = 4.5 million.
        var texts = Enumerable.Range(0, 3000).Select(i => $"丽景城小区蚊子多，第{i}栋住户希望消杀，编号{i * 7919 % 1000}").ToList();
        var signatures = texts.Select(t => NeedSignature.Of(t, TextAnalyzer.Default)).ToArray();
        var detector = new DuplicateDetector();
        detector.FindGroups(texts, signatures);
        var perNeed = 2 * NeedSignature.KeyTerms + (NeedSignature.KeyTerms * (NeedSignature.KeyTerms - 1) / 2);
        Assert.InRange(detector.Paraphrases.CandidatePairs, 0, (long)texts.Count * perNeed * ParaphraseLinker.Window);
    }

    [Fact]
    public void Results_are_the_same_on_every_run()
    {
        var texts = TestData.LabelledNeeds("dedup_dev.tsv").Select(n => n.Text).ToList();
        var first = new DuplicateDetector().FindGroups(texts);
        var second = new DuplicateDetector().FindGroups(texts);
        Assert.Equal(first.GroupOf, second.GroupOf);
    }
}
