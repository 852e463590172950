using Weishi.Web.Features.CostBenchmarking;
using Weishi.Web.Features.Projects;
using Xunit;

namespace Weishi.Tests.ValueForMoney;

public class UnitCostRuleTests
{
    private static UnitCostNormaliser.Outputs Out(ProjectType type, int beneficiaries, params (string Unit, decimal Qty)[] lines) =>
        UnitCostNormaliser.Outputs.Planned(type, beneficiaries, 0, lines);

    [Fact]
    public void Service_costs_are_per_beneficiary()
    {
        var u = UnitCostNormaliser.MainCost(ProjectType.Service, Out(ProjectType.Service, 40), 2_000_000);
        Assert.Equal(UnitMeasure.PerBeneficiary, u.Measure);
        Assert.Equal(50_000m, u.PerUnitFen);
        Assert.Equal("500.00 元/受益人", u.Show());
    }

    [Fact]
    public void Works_costs_are_per_square_metre_then_per_item_then_per_project()
    {
        Assert.Equal(UnitMeasure.PerSquareMetre, UnitCostNormaliser.MainCost(ProjectType.Works, Out(ProjectType.Works, 0, ("m²", 200), ("项", 1)), 1).Measure);
        var lamps = UnitCostNormaliser.MainCost(ProjectType.Works, Out(ProjectType.Works, 0, ("盏", 20), ("项", 1)), 1_000_000);
        Assert.Equal((UnitMeasure.PerItem, 50_000m), (lamps.Measure, lamps.PerUnitFen!.Value));
        Assert.Equal(UnitMeasure.PerProject, UnitCostNormaliser.MainCost(ProjectType.Works, Out(ProjectType.Works, 0, ("项", 1)), 1).Measure);
        Assert.Equal(UnitMeasure.PerItem, UnitCostNormaliser.MainCost(ProjectType.Goods, Out(ProjectType.Goods, 0, ("件", 5)), 1).Measure);
    }

    [Fact]
    public void A_per_item_cost_reads_in_the_budget_lines_own_unit_and_a_different_unit_is_said_plainly()
    {
        var lamps = Out(ProjectType.Works, 0, ("盏", 20), ("项", 1));
        Assert.Equal("500.00 元/盏", UnitCostNormaliser.MainCost(ProjectType.Works, lamps, 1_000_000).Show());
        Assert.Null(UnitCostNormaliser.UnitMismatch(ProjectType.Works, lamps));

        var mixed = Out(ProjectType.Works, 0, ("盏", 10), ("套", 10));
        Assert.Equal("500.00 元/件", UnitCostNormaliser.MainCost(ProjectType.Works, mixed, 1_000_000).Show());
        Assert.Contains("“盏、套”", UnitCostNormaliser.UnitMismatch(ProjectType.Works, mixed));

        var pipes = Out(ProjectType.Works, 0, ("米", 300), ("项", 1));
        Assert.Equal(UnitMeasure.PerProject, UnitCostNormaliser.MainCost(ProjectType.Works, pipes, 1).Measure);
        Assert.Contains("（米）不是面积或件数", UnitCostNormaliser.UnitMismatch(ProjectType.Works, pipes));
        Assert.Null(UnitCostNormaliser.UnitMismatch(ProjectType.Works, Out(ProjectType.Works, 0, ("项", 1))));

        // Everyday ways of writing an area or a count are the budget's units too.
        Assert.Equal(UnitMeasure.PerSquareMetre, UnitCostNormaliser.MainCost(ProjectType.Works, Out(ProjectType.Works, 0, ("平米", 80)), 1).Measure);
        Assert.Equal("100.00 元/张", UnitCostNormaliser.MainCost(ProjectType.Goods, Out(ProjectType.Goods, 0, ("张", 10)), 100_000).Show());
    }

    [Fact]
    public void Zero_beneficiaries_or_quantities_are_not_computable_never_a_division_error()
    {
        var service = UnitCostNormaliser.MainCost(ProjectType.Service, Out(ProjectType.Service, 0), 1_000_000);
        Assert.False(service.Computable);
        Assert.Null(service.PerUnitFen);
        Assert.Equal("不可计算", service.Show());
        var goods = UnitCostNormaliser.MainCost(ProjectType.Goods, Out(ProjectType.Goods, 100, ("件", 0), ("批", 1)), 1_000_000);
        Assert.Equal("不可计算", goods.Show());
    }

    [Fact]
    public void Quartiles_and_the_outlier_rule_on_hand_computed_data()
    {
        var q = Quartiles.Of([100m, 500m, 300m, 200m, 400m])!;
        Assert.Equal((200m, 300m, 400m), (q.Q1, q.Median, q.Q3));
        // Fence = 400 + 1.5 × 200 = 700; 50% above the median = 450.
        Assert.Null(OutlierRule.Reason(450m, q.Median, q.Q1, q.Q3));
        Assert.Equal("比中位数高出 50% 以上", OutlierRule.Reason(451m, q.Median, q.Q1, q.Q3));
        Assert.Equal("高于上四分位数 1.5 倍四分位距", OutlierRule.Reason(701m, q.Median, q.Q1, q.Q3));
        var wide = Quartiles.Of([100m, 110m, 1000m, 1100m])!;   // Q1 107.5, median 555, Q3 1025: fence 2401.25
        Assert.Null(OutlierRule.Reason(800m, wide.Median, wide.Q1, wide.Q3));
        Assert.NotNull(OutlierRule.Reason(2402m, wide.Median, wide.Q1, wide.Q3));
    }

    [Fact]
    public void Function_key_drops_the_community_and_the_phase()
    {
        Assert.Equal("长者智能手机培训班", FunctionKey.Of("碧岭长者智能手机培训班（第二期）", "碧岭"));
        Assert.Equal("小区路灯维修", FunctionKey.Of("六联小区路灯维修", "六联社区"));
        Assert.Equal("长者智能手机培训班", FunctionKey.Of("和平社区长者智能手机培训班", "和平社区"));
    }

    [Fact]
    public void Price_level_adjustment_compounds_per_year()
    {
        Assert.Equal(10_404m, Math.Round(CostNormService.Adjust(10_000m, 2021, 2023, 20), 2));
        Assert.Equal(10_000m, CostNormService.Adjust(10_000m, 2023, 2023, 20));
    }

    [Fact]
    public void Cost_lines_that_drive_the_difference_are_named()
    {
        CostProfile P(int id, long staff, long material, int people) => new(id, "c", "社区长者智能手机培训班", 1, "社区", 2023,
            ProjectType.Service, ProjectCategory.Elderly, ProjectStatus.Accepted, people, 1,
            [new CostLine("专业服务人员费", "人次", 1, staff), new CostLine("活动物料费", "场次", 1, material)]);
        var own = P(1, 1_000_000, 100_000, 10);
        var peers = new[] { P(2, 100_000, 100_000, 10), P(3, 120_000, 90_000, 10), P(4, 80_000, 110_000, 10) };
        var drivers = CostComparison.Drivers(own, peers);
        var top = Assert.Single(drivers);
        Assert.Equal("专业服务人员费", top.Item);
        Assert.Equal(900_000, top.ExcessFen);
    }

    [Fact]
    public void Cheap_outliers_below_the_lower_fence_are_flagged_apart_from_expensive_ones()
    {
        var q = Quartiles.Of([1000m, 1100m, 1200m, 1300m, 1400m])!;   // Q1 1100, Q3 1300, IQR 200: fences 800 and 1600
        var low = OutlierRule.Check(799m, q.Median, q.Q1, q.Q3);
        Assert.Equal(new CostFlag(OutlierRule.LowFence, High: false), low);
        Assert.Null(OutlierRule.Check(800m, q.Median, q.Q1, q.Q3));
        Assert.Null(OutlierRule.Check(1600m, q.Median, q.Q1, q.Q3));
        Assert.Equal(new CostFlag(OutlierRule.HighFence, High: true), OutlierRule.Check(1601m, q.Median, q.Q1, q.Q3));
        // Only the expensive flag asks the reviewer for a reason.
        Assert.Null(OutlierRule.Reason(799m, q.Median, q.Q1, q.Q3));
        // No spread (IQR 0): nothing is cheap.
        var flat = Quartiles.Of([500m, 500m, 500m])!;
        Assert.Null(OutlierRule.Check(1m, flat.Median, flat.Q1, flat.Q3));
    }

    [Fact]
    public void The_norm_is_brought_to_the_proposals_year_by_hand()
    {
        var norm = new CostNorm { Function = "f", Q1Fen = 20_000, MedianFen = 30_000, Q3Fen = 40_000, OverrideMedianFen = 50_000, PriceYear = 2023, Count = 7 };
        // 2% a year, two years: × 1.0404.
        var at2025 = norm.AtPriceLevel(2025, 20);
        Assert.Equal((20_808L, 31_212L, 41_616L, 52_020L, 2025), (at2025.Q1Fen, at2025.MedianFen, at2025.Q3Fen, at2025.OverrideMedianFen!.Value, at2025.PriceYear));
        Assert.Equal(7, at2025.Count);
        // One year back: 30,000 / 1.02 = 29,411.76.
        Assert.Equal(29_412L, norm.AtPriceLevel(2022, 20).MedianFen);
        Assert.Equal(30_000L, norm.AtPriceLevel(2023, 20).MedianFen);
    }

    [Fact]
    public void A_recomputed_norm_adjusts_each_member_to_the_proposals_year_by_hand()
    {
        CostProfile P(int id, int year, long perPerson) => new(id, "c", "社区插花课堂", 1, "社区", year,
            ProjectType.Service, ProjectCategory.Elderly, ProjectStatus.Accepted, 10, 1, [new CostLine("服务费", "项", 1, perPerson * 10)]);
        var own = P(1, 2025, 1);
        // 10% a year: 10,000 from 2023 → 12,100; 20,000 from 2024 → 22,000; 30,000 from 2025 stays.
        var norm = CostComparison.LearnedNorm(own, [(P(2, 2023, 10_000), false), (P(3, 2024, 20_000), false), (P(4, 2025, 30_000), true)], null, 100)!;
        Assert.Equal((17_050L, 22_000L, 26_000L, 3, 2025), (norm.Q1Fen, norm.MedianFen, norm.Q3Fen, norm.Count, norm.PriceYear));
    }
}
