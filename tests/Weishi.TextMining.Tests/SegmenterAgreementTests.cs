using Weishi.TextMining.Segmentation;
using Xunit.Abstractions;

namespace Weishi.TextMining.Tests;

public sealed class SegmenterAgreementTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("我来到北京清华大学", "我|来到|北京|清华大学")]
    [InlineData("他来到了网易杭研大厦", "他|来到|了|网易|杭研|大厦")]
    [InlineData("坪山区碧岭街道沙湖社区的长者饭堂", "坪山区|碧岭街道|沙湖社区|的|长者饭堂")]
    public void Matches_known_segmentations(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', ChineseSegmenter.Default.Cut(text)));
    }

    [Fact]
    public void Agrees_with_jieba_net_on_fixed_sentences()
    {
        foreach (var line in File.ReadLines(TestData.PathOf("segmentation_sentences.txt")).Where(l => l.Length > 0))
            Assert.Equal(string.Join('|', JiebaReference.Cut(line)), string.Join('|', ChineseSegmenter.Default.Cut(line)));
    }

    [Fact]
    public void Agrees_with_jieba_net_on_varied_corpus()
    {
        // Characters outside the BMP (emoji, 𠊎) are an accepted disagreement: jieba.NET splits their surrogate pairs
        // (see Emoji_surrogate_pairs_stay_together and bench/textmining.md §1).
        var all = TestData.VariedCorpus().ToList();
        var lines = all.Where(l => !l.Any(char.IsSurrogate)).ToList();
        output.WriteLine($"{all.Count - lines.Count} lines with characters outside the BMP left out");
        var disagreements = new List<string>();
        foreach (var line in lines)
        {
            var expected = string.Join('|', JiebaReference.Cut(line));
            var actual = string.Join('|', ChineseSegmenter.Default.Cut(line));
            if (expected != actual) disagreements.Add($"jieba: {expected}\nours:  {actual}");
        }
        var agreement = 1.0 - ((double)disagreements.Count / lines.Count);
        output.WriteLine($"agreement {agreement:P3} over {lines.Count} lines");
        foreach (var d in disagreements.Take(20)) output.WriteLine(d);
        Assert.True(agreement >= 0.999, $"agreement {agreement:P3}:\n{string.Join('\n', disagreements.Take(5))}");
    }

    /// <summary>Random mixes of Han characters, ASCII, digits, jieba's block symbols and whitespace.</summary>
    [Fact]
    public void Agrees_with_jieba_net_on_random_mixed_strings()
    {
        const string pool = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员许稜先口由死安写性马光白或住难望教命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快原吃妈变通师立象数四失满战远格士音轻目条呢坪山坑梓龙田沙湖碧岭鍀龘abcXYZ0123456789 .%-+#&·_，。！？、（）\t\r\n　";
        var random = new Random(12345);
        var disagreements = 0;
        const int count = 3000;
        for (var n = 0; n < count; n++)
        {
            var chars = new char[random.Next(1, 60)];
            for (var i = 0; i < chars.Length; i++) chars[i] = pool[random.Next(pool.Length)];
            var text = new string(chars);
            var expected = string.Join('|', JiebaReference.Cut(text));
            var actual = string.Join('|', ChineseSegmenter.Default.Cut(text));
            if (expected == actual) continue;
            if (disagreements++ < 10) output.WriteLine($"{text}\njieba: {expected}\nours:  {actual}");
        }
        output.WriteLine($"agreement {(count - disagreements) * 100.0 / count:F2}% of {count} random strings");
        Assert.True(disagreements <= count / 1000, $"{disagreements} disagreements");
    }
}
