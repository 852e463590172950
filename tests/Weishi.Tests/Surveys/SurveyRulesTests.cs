using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>The district rules on their own: minimum sample, rectification thresholds, the assessment score.</summary>
public class SurveyRulesTests
{
    private static readonly SurveySetting Defaults = new();

    [Theory]
    [InlineData(0, 30)]     // nobody registered or planned: the floor
    [InlineData(12, 12)]    // fewer beneficiaries than the floor: every one of them
    [InlineData(100, 30)]   // 10 % is 10, the floor is 30
    [InlineData(1000, 100)] // 10 % of 1000
    [InlineData(1001, 101)] // rounded up
    public void The_minimum_sample_follows_the_beneficiaries(int beneficiaries, int expected) =>
        Assert.Equal(expected, SurveyRules.MinimumSample(beneficiaries, Defaults));

    [Fact]
    public void The_minimum_sample_uses_the_district_setting() =>
        Assert.Equal(50, SurveyRules.MinimumSample(200, new SurveySetting { SampleFloor = 5, SampleSharePercent = 25 }));

    private static List<ItemStat> Items(int[] overall, int[] metNeed, int[]? targeted = null)
    {
        var list = new List<ItemStat> { ItemStat.Of(1, "总体满意度", true, overall), ItemStat.Of(2, "需求满足", true, metNeed) };
        if (targeted is not null) list.Add(ItemStat.Of(101, "饭菜口味", false, targeted));
        return list;
    }

    [Fact]
    public void A_healthy_survey_needs_no_rectification() =>
        Assert.Empty(SurveyRules.LowItems(Items([5, 4, 5, 4, 5, 4, 5, 5, 4, 5], [4, 4, 5, 5, 4, 4, 5, 5, 4, 5], [4, 5, 4, 5, 4, 5, 4, 5, 4, 5]), Defaults));

    [Fact]
    public void Overall_satisfaction_below_the_threshold_is_a_low_item()
    {
        // Mean 3.9 < 4.0 with nobody dissatisfied.
        var low = SurveyRules.LowItems(Items([4, 4, 4, 4, 4, 4, 4, 4, 4, 3], [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]), Defaults);
        Assert.Equal("总体满意度：均值 3.90（低于 4.0）", Assert.Single(low));
        Assert.Empty(SurveyRules.LowItems(Items([4, 4, 4, 4, 4, 4, 4, 4, 4, 3], [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]), new SurveySetting { OverallBelowTenths = 39 }));
    }

    [Fact]
    public void More_than_the_dissatisfied_share_on_a_targeted_item_is_a_low_item()
    {
        // Two of ten dissatisfied (20 % > 10 %) although the mean is 4.2.
        var low = SurveyRules.LowItems(Items([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5, 5, 5, 2, 2]), Defaults);
        Assert.StartsWith("饭菜口味：", Assert.Single(low));
        Assert.Contains("不满意 20%", low[0]);
        // Exactly 10 % is not more than 10 %.
        Assert.Empty(SurveyRules.LowItems(Items([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5, 5, 5, 5, 2]), Defaults));
    }

    [Fact]
    public void An_item_below_its_own_threshold_is_a_low_item()
    {
        var items = Items([5, 5, 5, 5], [4, 4, 4, 3]);
        Assert.Single(SurveyRules.LowItems(items, Defaults));
        Assert.Empty(SurveyRules.LowItems(items, new SurveySetting { ItemBelowTenths = 37 }));
    }

    [Fact]
    public void Satisfaction_scores_for_the_assessment_and_formality_flags_lower_them()
    {
        Assert.Equal(100, SurveySatisfactionInput.Score(5, 0));
        Assert.Equal(75, SurveySatisfactionInput.Score(4, 0));
        Assert.Equal(100 - 2 * SurveySatisfactionInput.FlagPenalty, SurveySatisfactionInput.Score(5, 2));
        Assert.Equal(0, SurveySatisfactionInput.Score(1.2, 3));
    }
}
