using Weishi.TextMining.Segmentation;

namespace Weishi.TextMining.Tests;

public sealed class SegmenterTests
{
    private static readonly Lazy<ChineseSegmenter> WithoutUserDictionary = new(() => new ChineseSegmenter([]));

    [Fact]
    public void User_dictionary_keeps_domain_terms_whole()
    {
        const string text = "来深建设者希望沙坣社区的四点半课堂延长时间";
        var plain = WithoutUserDictionary.Value.Cut(text);
        var withUser = ChineseSegmenter.Default.Cut(text);
        Assert.DoesNotContain("来深建设者", plain);
        Assert.Contains("来深建设者", withUser);
        Assert.Contains("沙坣社区", withUser);
        Assert.Contains("四点半课堂", withUser);
    }

    [Fact]
    public void User_word_without_frequency_gets_a_suggested_one_that_keeps_it_whole()
    {
        var segmenter = new ChineseSegmenter([new UserWord("微心愿墙")]);
        Assert.Contains("微心愿墙", segmenter.Cut("社区设置了微心愿墙"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("，。！？……——")]
    [InlineData("😀😀👍🏻")]
    public void Texts_without_words_do_not_crash(string text)
    {
        var tokens = ChineseSegmenter.Default.Cut(text);
        Assert.Equal(text, string.Concat(tokens));
    }

    [Fact]
    public void Emoji_surrogate_pairs_stay_together()
    {
        Assert.Equal(["好", "😀"], ChineseSegmenter.Default.Cut("好😀"));
    }

    [Fact]
    public void Traditional_characters_and_mixed_english_are_segmented()
    {
        var traditional = ChineseSegmenter.Default.Cut("社區長者飯堂的飯菜太鹹了");
        Assert.Equal("社區長者飯堂的飯菜太鹹了", string.Concat(traditional));
        var mixed = ChineseSegmenter.Default.Cut("希望装WiFi和AED，3.5%的人用iPhone12");
        Assert.Contains("WiFi", mixed);
        Assert.Contains("AED", mixed);
        Assert.Contains("iPhone12", mixed);
    }

    [Fact]
    public void Ten_thousand_character_text_is_covered_exactly()
    {
        var text = string.Concat(Enumerable.Repeat("小区路灯坏了，晚上很黑。", 900))[..10_000];
        var tokens = ChineseSegmenter.Default.Cut(text);
        Assert.Equal(text, string.Concat(tokens));
        Assert.Contains("路灯", tokens);
    }

    [Fact]
    public void Long_run_without_dictionary_words_goes_through_the_hmm()
    {
        var text = new string('鍀', 3000);
        Assert.Equal(text, string.Concat(ChineseSegmenter.Default.Cut(text)));
    }

    [Fact]
    public void Parallel_cut_matches_sequential_cut()
    {
        var texts = TestData.VariedCorpus().Take(200).ToList();
        var parallel = ChineseSegmenter.Default.CutMany(texts);
        for (var i = 0; i < texts.Count; i++) Assert.Equal(ChineseSegmenter.Default.Cut(texts[i]), parallel[i]);
    }
}
