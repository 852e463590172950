using Weishi.TextMining.Dedup;

namespace Weishi.TextMining.Tests;

public sealed class DedupTests
{
    private const string Need = "我们小区三号楼的路灯坏了两个星期了，晚上黑漆漆的，老人出门很危险";

    [Fact]
    public void SimHash_of_identical_texts_is_identical()
    {
        Assert.Equal(0, SimHash.Distance(SimHash.Compute(Need), SimHash.Compute(Need)));
    }

    [Fact]
    public void SimHash_of_a_small_edit_is_close_and_of_an_unrelated_text_is_far()
    {
        var edited = SimHash.Distance(SimHash.Compute(Need), SimHash.Compute(Need.Replace("两个星期", "半个月", StringComparison.Ordinal) + "！"));
        var unrelated = SimHash.Distance(SimHash.Compute(Need), SimHash.Compute("希望社区组织端午节包粽子活动，增进邻里感情"));
        Assert.True(edited <= 16, $"edited {edited}");
        Assert.True(unrelated >= 20, $"unrelated {unrelated}");
        Assert.True(edited < unrelated);
    }

    [Fact]
    public void Similarity_functions_rank_a_paraphrase_above_an_unrelated_text()
    {
        const string paraphrase = "三号楼路灯坏了半个月，晚上很黑，老人出门危险";
        const string unrelated = "希望社区组织端午节包粽子活动";
        Assert.True(TextSimilarity.Jaccard(Need, paraphrase) > TextSimilarity.Jaccard(Need, unrelated));
        Assert.True(TextSimilarity.Cosine(Need, paraphrase) > 0.5);
        Assert.True(TextSimilarity.Cosine(Need, unrelated) < 0.1);
        Assert.Equal(0, TextSimilarity.Cosine("", Need));
    }

    [Fact]
    public void Known_small_set_gives_the_expected_groups()
    {
        string[] texts =
        [
            Need,
            "篮球场的灯晚上不亮，没法打球",
            Need + "，请尽快处理",
            "篮球场的灯晚上不亮了，没办法打球！",
            "希望开设老年人智能手机培训班",
            "",
            "！！！",
            "！！！",
        ];
        var groups = new DuplicateDetector().FindGroups(texts);
        Assert.Equal(groups.GroupOf[0], groups.GroupOf[2]);
        Assert.Equal(groups.GroupOf[1], groups.GroupOf[3]);
        Assert.NotEqual(groups.GroupOf[0], groups.GroupOf[1]);
        Assert.Equal(-1, groups.GroupOf[4]);
        Assert.Equal(-1, groups.GroupOf[5]);
        Assert.Equal(-1, groups.GroupOf[6]);
        Assert.Equal(2, groups.Groups.Count);
    }

    [Fact]
    public void Union_find_merges_transitively()
    {
        var sets = new UnionFind(5);
        sets.Union(0, 1);
        sets.Union(1, 2);
        Assert.Equal(sets.Find(0), sets.Find(2));
        Assert.Equal(3, sets.SizeOf(2));
        Assert.NotEqual(sets.Find(0), sets.Find(3));
    }
}
