using Weishi.TextMining.Dedup;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Tests;

/// <summary>The concept table of the paraphrase stage (Resources/concepts.txt) and the facets that keep different asks apart.</summary>
public sealed class ConceptTests
{
    private static NeedSignature Signature(string text) => NeedSignature.Of(text, TextAnalyzer.Default);

    private static bool OneNeed(string a, string b) =>
        new DuplicateDetector().FindGroups([a, b]).GroupOf is var g && g[0] >= 0 && g[0] == g[1];

    private static IReadOnlyList<string> Concepts(string text) =>
        [.. NeedSignature.Explain(text, TextAnalyzer.Default).Select(w => w.Word).Where(w => w.StartsWith('<'))];

    [Fact]
    public void Words_for_one_thing_are_one_concept_even_where_the_segmenter_splits_them()
    {
        Assert.Contains("<长者饭堂>", Concepts("建议设立长者助餐点"));
        Assert.Contains("<长者饭堂>", Concepts("能不能开个老人食堂"));
        Assert.Contains("<游乐设施>", Concepts("建议增设儿童游乐设施"));
        Assert.Contains("<游乐设施>", Concepts("一个滑梯都没有"));
        Assert.Contains("<流浪狗>", Concepts("流浪犬数量增多"));
        Assert.True(NeedSignature.Similarity(Signature("和平新村建议设立长者助餐点"), Signature("和平新村能不能开个长者饭堂")) >= 0.9);
    }

    [Fact]
    public void Cantonese_words_residents_write_are_the_concepts_of_their_Mandarin_words()
    {
        Assert.Contains("<菜市场>", Concepts("附近冇街市"));
        Assert.Contains("<菜市场>", Concepts("买餸好唔方便"));
        Assert.Contains("<助浴>", Concepts("屋企老人冇人帮冲凉"));
        Assert.Contains("<占道>", Concepts("市场门口啲走鬼档塞死条路"));
        Assert.Contains("<遮阳>", Concepts("巴士站冇瓦遮头"));
        Assert.Contains("<停车>", Concepts("晚上泊车好难"));
        Assert.True(OneNeed("沙坣买餸好唔方便，冇街市", "沙坣社区附近没有菜市场，买菜要坐车去坪山"));
    }

    [Fact]
    public void A_longer_form_wins_over_the_word_inside_it()
    {
        Assert.Contains("<慢性病>", Concepts("高血压的人越来越多"));
        Assert.DoesNotContain("<体检>", Concepts("高血压的人越来越多"));
        Assert.DoesNotContain("<孩子>", Concepts("女孩子晚上走着害怕"));
    }

    [Fact]
    public void A_concept_reaching_into_a_place_name_is_still_found()
    {
        Assert.Contains("<广场舞>", Concepts("碧岭社区广场舞扰民"));
        Assert.Contains("<广场舞>", Concepts("六和社区广场舞太吵"));
    }

    [Fact]
    public void Old_people_living_alone_are_old_people_too()
    {
        Assert.Contains("<独居>", Concepts("希望给独居老人送餐上门"));
        Assert.Contains("<老人>", Concepts("希望给独居老人送餐上门"));
        Assert.True(OneNeed("和平新村希望给独居老人送餐上门", "和平新村希望给老人送餐上门"));
    }

    [Fact]
    public void The_same_service_for_different_groups_only_scores_lower()
    {
        var old = Signature("沙湖家园老人眼睛不好，想请眼科医生来做白内障筛查");
        var children = Signature("沙湖家园的孩子近视越来越多，想请眼科医生查查视力");
        var alsoOld = Signature("建议在沙湖家园组织老年人眼健康义诊，开展白内障筛查");
        Assert.True(NeedSignature.Similarity(old, children) < NeedSignature.Similarity(old, alsoOld) / 2);
        var groups = new DuplicateDetector().FindGroups(["沙湖家园老人眼睛不好，想请眼科医生来做白内障筛查", "沙湖家园的孩子近视越来越多，想请眼科医生查查视力", "建议在沙湖家园组织老年人眼健康义诊，开展白内障筛查"]);
        Assert.NotEqual(-1, groups.GroupOf[0]);
        Assert.Equal(groups.GroupOf[0], groups.GroupOf[2]);
        Assert.Equal(-1, groups.GroupOf[1]);
    }

    [Fact]
    public void Different_aspects_of_one_facility_are_different_needs()
    {
        var hours = Signature("秀新社康周末不开门，看病只能跑大医院");
        var queue = Signature("秀新社康排队时间太长，建议增加挂号窗口");
        var alsoHours = Signature("建议秀新社康周末及节假日安排医生值班");
        Assert.True(NeedSignature.Similarity(hours, queue) < NeedSignature.Similarity(hours, alsoHours) / 2);
        var groups = new DuplicateDetector().FindGroups(["秀新社康周末不开门，看病只能跑大医院", "秀新社康排队时间太长，建议增加挂号窗口", "建议秀新社康周末及节假日安排医生值班"]);
        Assert.NotEqual(-1, groups.GroupOf[0]);
        Assert.Equal(groups.GroupOf[0], groups.GroupOf[2]);
        Assert.Equal(-1, groups.GroupOf[1]);
    }

    [Fact]
    public void Broad_concepts_alone_make_no_duplicate()
    {
        Assert.Equal(0, NeedSignature.Similarity(Signature("晚上免费开个培训班"), Signature("晚上免费办个讲座")));
    }

    [Fact]
    public void Needs_the_classifier_puts_in_different_categories_score_lower()
    {
        const string surface = "坑梓老街停车场地面坑坑洼洼，希望硬化一下";
        const string cameras = "坑梓老街停车场装几个监控吧，电瓶又被偷了";
        var convenience = NeedSignature.Of(surface, TextAnalyzer.Default, "convenience");
        var safety = NeedSignature.Of(cameras, TextAnalyzer.Default, "safety");
        var sameCategory = NeedSignature.Of(cameras, TextAnalyzer.Default, "convenience");
        Assert.True(NeedSignature.Similarity(convenience, sameCategory) > 0);
        Assert.True(NeedSignature.Similarity(convenience, safety) < NeedSignature.Similarity(convenience, sameCategory));
    }

    [Fact]
    public void Two_stretches_of_one_river_in_different_communities_are_two_places()
    {
        string[] texts = ["坪山河和平段水面漂着塑料袋和泡沫，希望清理", "坪山河六联段水面漂着塑料袋和泡沫，希望清理", "和平社区坪山河边漂着好多塑料袋，请派人打捞"];
        var signatures = texts.Select(Signature).ToArray();
        PlaceMentions.Assign(signatures, [.. texts.Select(t => Shingles.Of(t))]);
        Assert.False(PlaceNames.Compatible(signatures[0].Mentions, signatures[1].Mentions));
        Assert.True(PlaceNames.Compatible(signatures[0].Mentions, signatures[2].Mentions));
    }
}
