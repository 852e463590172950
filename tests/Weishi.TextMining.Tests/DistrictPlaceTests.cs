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
        // 40 needs about the park (found by its place word) and one naming the place alone: more than the cap of 20.
        string[] texts = [.. Enumerable.Range(1, 40).Select(i => $"聚龙山公园第{i}号路灯坏了"), "聚龙山那边的路灯坏了好久，晚上走路很黑", "金龟村那边的路灯坏了好久，晚上走路很黑"];
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
}
