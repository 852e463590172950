using Weishi.TextMining.Keywords;

namespace Weishi.TextMining.Tests;

public sealed class KeywordTests
{
    [Fact]
    public void Keywords_of_a_need_are_its_content_words()
    {
        var keywords = KeywordExtractor.Default.Extract("小区的路灯坏了，晚上很黑，希望社区尽快修理路灯", 3).Select(k => k.Term).ToList();
        Assert.Equal("路灯", keywords[0]);
        Assert.DoesNotContain("希望", keywords);
        Assert.DoesNotContain("社区", keywords);
        Assert.All(keywords, k => Assert.True(k.Length >= 2));
    }

    [Fact]
    public void Group_keywords_find_the_shared_theme()
    {
        var texts = new[] { "长者饭堂饭菜太咸", "希望长者饭堂送餐上门", "长者饭堂价格有点贵", "篮球场灯不亮" };
        var top = KeywordExtractor.Default.ExtractFromGroup(texts, 3);
        Assert.Equal("长者饭堂", top[0].Term);
    }

    [Theory]
    [InlineData("")]
    [InlineData("！！！")]
    [InlineData("😀")]
    public void Texts_without_words_have_no_keywords(string text)
    {
        Assert.Empty(KeywordExtractor.Default.Extract(text));
    }
}
