using Weishi.TextMining.Dedup;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Tests;

/// <summary>Places a district adds to its dictionary (tag ns) are places for duplicate detection, like estates.</summary>
public sealed class DistrictPlaceTests
{
    /// <summary>The shipped user words and two of the district's places, named without any place word.</summary>
    private static readonly Lazy<TextAnalyzer> WithDistrictPlaces = new(() => new TextAnalyzer(new ChineseSegmenter(
        [.. ChineseSegmenter.DefaultUserWords(), new UserWord("聚龙山", null, "ns"), new UserWord("燕子湖", null, "ns"), new UserWord("腰旗橄榄球", null, "nz")])));

    private static bool Grouped(TextAnalyzer analyzer, string a, string b) =>
        new DuplicateDetector { Analyzer = analyzer }.FindGroups([a, b]).GroupOf is var g && g[0] >= 0 && g[0] == g[1];

    [Fact]
    public void The_segmenter_tells_the_places_it_was_given_beyond_the_shipped_ones()
    {
        Assert.Equal(["聚龙山", "燕子湖"], WithDistrictPlaces.Value.Segmenter.AddedPlaces);
        Assert.Empty(ChineseSegmenter.Default.AddedPlaces);
        // Keyed like every place; a name that is only a place word once cut, or a community, adds no place.
        uint[] expected = [PlaceNames.KeyOf("龙山"), PlaceNames.KeyOf("子湖")];
        Assert.Equal(expected.Order(), PlaceNames.KeysOfAdded(["聚龙山", "燕子湖公园", "中心广场", "六联社区"]).Order());
    }

    [Theory]
    [InlineData("聚龙山那边的路灯坏了好久，晚上走路很黑", "金龟村那边的路灯坏了好久，晚上走路很黑")]
    [InlineData("燕子湖边上的路灯坏了好久，晚上走路很黑", "翠湖花园的路灯坏了好久，晚上走路很黑")]
    public void Needs_about_a_district_added_place_and_another_place_are_not_duplicates(string districtPlace, string otherPlace)
    {
        // Without the district's dictionary the place is no place, and the two are one need.
        Assert.True(Grouped(TextAnalyzer.Default, districtPlace, otherPlace));
        Assert.False(Grouped(WithDistrictPlaces.Value, districtPlace, otherPlace));
    }

    [Fact]
    public void A_district_added_place_is_still_the_same_place()
    {
        Assert.True(Grouped(WithDistrictPlaces.Value, "聚龙山那边的路灯坏了好久，晚上走路很黑", "聚龙山的路灯坏了好久，晚上走路很黑"));
    }

    [Fact]
    public void A_district_added_place_many_needs_mention_is_not_dropped_as_too_common()
    {
        // 40 needs name the place, more than the cap of 20, and only 5 of them with its place word: without the
        // district's dictionary it looks like a word that stood before a place word once or twice.
        string[] texts = [.. Enumerable.Range(1, 5).Select(i => $"聚龙山公园第{i}号路灯坏了"), .. Enumerable.Range(6, 35).Select(i => $"聚龙山第{i}号路灯坏了"),
            "聚龙山那边的路灯坏了好久，晚上走路很黑", "金龟村那边的路灯坏了好久，晚上走路很黑"];
        var shingles = texts.Select(t => Shingles.Of(t)).ToArray();
        var key = PlaceNames.KeyOf("龙山");

        var shipped = texts.Select(t => NeedSignature.Of(t, TextAnalyzer.Default)).ToArray();
        PlaceMentions.Assign(shipped, shingles, TextAnalyzer.Default);
        Assert.All(shipped, s => Assert.DoesNotContain(key, s.Mentions));

        var district = texts.Select(t => NeedSignature.Of(t, WithDistrictPlaces.Value)).ToArray();
        PlaceMentions.Assign(district, shingles, WithDistrictPlaces.Value);
        Assert.All(district[..^1], s => Assert.Contains(key, s.Mentions));
        Assert.False(PlaceNames.Compatible(district[^2].Mentions, district[^1].Mentions));
        var groups = new DuplicateDetector { Analyzer = WithDistrictPlaces.Value }.FindGroups(texts).GroupOf;
        Assert.True(groups[^2] < 0 || groups[^2] != groups[^1]);
        Assert.Equal(groups[0], groups[^2]);
    }

    [Fact]
    public void An_estate_many_needs_name_with_its_place_word_stays_a_place_but_a_word_that_stood_once_before_one_does_not()
    {
        // A community's run where one big estate has more needs than the cap of 20: it is still a place, so its needs
        // are compared with each other and never merged with the same ask at another estate.
        string[] asks = ["电梯又坏了", "垃圾桶太少", "儿童乐园滑梯裂了", "地下车库老鼠多", "充电桩不够用", "快递柜满了", "健身器材生锈"];
        string[] texts =
        [
            .. Enumerable.Range(0, 28).Select(i => $"悦澜湾{i % 4 + 1}期{asks[i % asks.Length]}"),
            "悦澜湾东门路灯坏了",
            "悦澜湾东门出去去公交站那条小路，路灯坏咗成个礼拜，黑麻麻，女仔夜晚唔敢行",
            "云珑府东门出去去公交站那条小路，路灯坏咗成个礼拜，黑麻麻，女仔夜晚唔敢行",
            // 公共 stands once before a place word (公共花园) and in 25 other needs: no place.
            "公共花园没有灯", .. Enumerable.Range(1, 25).Select(i => $"第{i}个公共厕所太脏"),
        ];
        var shingles = texts.Select(t => Shingles.Of(t)).ToArray();
        var signatures = texts.Select(t => NeedSignature.Of(t, TextAnalyzer.Default)).ToArray();
        PlaceMentions.Assign(signatures, shingles, TextAnalyzer.Default);

        Assert.All(signatures[..30], s => Assert.Contains(PlaceNames.KeyOf("悦澜"), s.Mentions));
        Assert.All(signatures[31..], s => Assert.DoesNotContain(PlaceNames.KeyOf("公共"), s.Mentions));
        Assert.True(ParaphraseLinker.ShareABlock(signatures[28], signatures[29]));
        var groups = new DuplicateDetector().FindGroups(texts).GroupOf;
        Assert.True(groups[28] >= 0 && groups[28] == groups[29]);
        Assert.NotEqual(groups[29], groups[30]);
    }
}
