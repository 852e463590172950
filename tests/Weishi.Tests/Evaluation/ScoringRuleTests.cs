using Weishi.Web.Features.Evaluation;
using Xunit;

namespace Weishi.Tests.Evaluation;

public class ScoringRuleTests
{
    [Theory]
    [InlineData("59.99", "差")]
    [InlineData("60", "中")]
    [InlineData("79.99", "中")]
    [InlineData("80", "良")]
    [InlineData("89.99", "良")]
    [InlineData("90", "优")]
    [InlineData("75.8", "中")]
    [InlineData("100", "优")]
    [InlineData("0", "差")]
    public void Grade_follows_the_boundaries_of_the_finance_ministry(string total, string grade) =>
        Assert.Equal(grade, Grade.Of(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Proportional_is_actual_over_target_times_weight_capped_at_the_weight()
    {
        Assert.Equal(5.4m, Scoring.Proportional(0.9m, 1m, 6m));
        Assert.Equal(6m, Scoring.Proportional(1.2m, 1m, 6m));
        Assert.Equal(2.5m, Scoring.Proportional(0.5m, 0.8m, 4m));
        Assert.Equal(2.67m, Scoring.Proportional(2m, 3m, 4m));   // 2.666… rounded to two decimals
        Assert.Equal(0m, Scoring.Proportional(null, 1m, 6m));
        Assert.Equal(0m, Scoring.Proportional(0.5m, 0m, 6m));
    }

    [Fact]
    public void Banded_gives_the_share_of_the_first_band_met()
    {
        var (bands, error) = Scoring.ParseBands("≥0.95:1；≥0.9:0.8；>=0.8:0.6");
        Assert.Null(error);
        Assert.Equal(5m, Scoring.Banded(0.96m, bands, 5m));
        Assert.Equal(5m, Scoring.Banded(0.95m, bands, 5m));
        Assert.Equal(4m, Scoring.Banded(0.92m, bands, 5m));
        Assert.Equal(3m, Scoring.Banded(0.8m, bands, 5m));
        Assert.Equal(0m, Scoring.Banded(0.79m, bands, 5m));
        var (lower, _) = Scoring.ParseBands("≤0.3:1；≤0.45:0.6");
        Assert.Equal(4m, Scoring.Banded(0.25m, lower, 4m));
        Assert.Equal(2.4m, Scoring.Banded(0.4m, lower, 4m));
        Assert.Equal(0m, Scoring.Banded(0.5m, lower, 4m));
    }

    [Fact]
    public void Bands_that_cannot_be_read_are_refused_in_chinese()
    {
        Assert.Contains("≥ 或 ≤", Scoring.ParseBands("0.9:1").Error);
        Assert.Contains("得分比例", Scoring.ParseBands("≥0.9:2").Error);
        Assert.NotNull(Scoring.ParseBands("").Error);
    }

    [Fact]
    public void Expert_scores_must_lie_within_the_weight_and_carry_a_reason()
    {
        Assert.Null(Scoring.ExpertRefusal(3m, 4m, "资料齐全"));
        Assert.Null(Scoring.ExpertRefusal(4m, 4m, "资料齐全"));
        Assert.Contains("0 到 4", Scoring.ExpertRefusal(4.5m, 4m, "x"));
        Assert.Contains("0 到 4", Scoring.ExpertRefusal(-1m, 4m, "x"));
        Assert.Equal("请填写评分理由", Scoring.ExpertRefusal(3m, 4m, " "));
        Assert.Equal("请填写得分", Scoring.ExpertRefusal(null, 4m, "x"));
    }

    [Fact]
    public void The_shipped_trees_add_up_at_every_level()
    {
        var programme = DefaultTrees.Programme();
        Assert.Empty(TreeRules.Validate(programme.Nodes));
        Assert.Equal([15m, 25m, 30m, 30m], programme.Nodes.Where(n => n.ParentCode is null).Select(n => n.Weight));
        Assert.Equal(["决策", "过程", "产出", "效益"], programme.Nodes.Where(n => n.ParentCode is null).Select(n => n.Name));
        Assert.All(programme.Nodes, n => Assert.InRange(n.Level, 1, 3));
        Assert.All(programme.Nodes.Where(n => n.IsLeaf), n => Assert.False(string.IsNullOrWhiteSpace(n.Rule)));
        var self = DefaultTrees.SelfEvaluation();
        Assert.Empty(TreeRules.Validate(self.Nodes));
        Assert.Equal([10m, 50m, 30m, 10m], self.Nodes.Where(n => n.ParentCode is null).Select(n => n.Weight));
    }

    [Fact]
    public void Weights_that_do_not_add_up_are_refused_with_the_level_named()
    {
        var tree = DefaultTrees.Programme();
        tree.Nodes.Single(n => n.Code == "A1-1").Weight = 2;   // A1 now 6 ≠ 7
        var errors = TreeRules.Validate(tree.Nodes);
        Assert.Contains(errors, e => e.Contains("项目立项") && e.Contains("下级指标权重合计 6 分，应等于 7 分"));

        var top = DefaultTrees.Programme();
        top.Nodes.Single(n => n.Code == "A").Weight = 20;
        Assert.Contains(TreeRules.Validate(top.Nodes), e => e.Contains("一级指标权重合计 105 分"));

        var deep = DefaultTrees.Programme();
        deep.Nodes.Single(n => n.Code == "D3-1").Method = ScoringMethod.Group;
        deep.Nodes.Add(new IndicatorNode { Code = "D3-1-1", ParentCode = "D3-1", Name = "过深", Weight = 10, Method = ScoringMethod.Expert, Rule = "x" });
        Assert.Contains(TreeRules.Validate(deep.Nodes), e => e.Contains("超过三级"));
    }

    [Fact]
    public void Leaves_need_their_rule_parts()
    {
        var tree = DefaultTrees.Programme();
        tree.Nodes.Single(n => n.Code == "C1-1").Target = null;
        tree.Nodes.Single(n => n.Code == "B1-2").Bands = "abc";
        tree.Nodes.Single(n => n.Code == "D1-1").MetricCode = "nonsense";
        var errors = TreeRules.Validate(tree.Nodes);
        Assert.Contains(errors, e => e.Contains("C1-1") && e.Contains("目标值"));
        Assert.Contains(errors, e => e.Contains("B1-2"));
        Assert.Contains(errors, e => e.Contains("D1-1") && e.Contains("数据指标"));
    }

    [Fact]
    public void The_sheet_adds_computed_entered_and_expert_leaves_up_the_tree()
    {
        var tree = new IndicatorTree { Name = "t", Kind = TreeKind.Programme };
        tree.Nodes.AddRange([
            new IndicatorNode { Code = "A", Name = "产出", Weight = 60, Position = 1, Level = 1 },
            new IndicatorNode { Code = "A1", ParentCode = "A", Name = "完成率", Weight = 30, Position = 2, Level = 2, Method = ScoringMethod.Data, MetricCode = DataMetrics.Completion, Target = 1 },
            new IndicatorNode { Code = "A2", ParentCode = "A", Name = "执行率", Weight = 30, Position = 3, Level = 2, Method = ScoringMethod.Data, MetricCode = DataMetrics.BudgetExecution, DataBanded = true, Bands = "≥0.95:1；≥0.9:0.8" },
            new IndicatorNode { Code = "B", Name = "效益", Weight = 40, Position = 4, Level = 1 },
            new IndicatorNode { Code = "B1", ParentCode = "B", Name = "影响", Weight = 20, Position = 5, Level = 2, Method = ScoringMethod.Expert, Rule = "x" },
            new IndicatorNode { Code = "B2", ParentCode = "B", Name = "知晓", Weight = 20, Position = 6, Level = 2, Method = ScoringMethod.Proportional, Target = 0.8m },
        ]);
        var evaluation = new PerformanceEvaluation { Title = "t", Tree = tree, FromYear = 2021, ToYear = 2021 };
        evaluation.Scores.Add(new EvaluationScore { NodeCode = "B1", Score = 15.5m, Reason = "r" });
        evaluation.Scores.Add(new EvaluationScore { NodeCode = "B2", Actual = 0.6m });
        var values = new Dictionary<string, MetricValue>
        {
            [DataMetrics.Completion] = new(DataMetrics.Completion, 0.9m, []),
            [DataMetrics.BudgetExecution] = new(DataMetrics.BudgetExecution, 0.92m, []),
        };
        var sheet = EvaluationScorer.Score(evaluation, values);
        // 27 + 24 + 15.5 + 15 = 81.5
        Assert.Equal(27m, sheet.Nodes.Single(n => n.Node.Code == "A1").Score);
        Assert.Equal(24m, sheet.Nodes.Single(n => n.Node.Code == "A2").Score);
        Assert.Equal(51m, sheet.Nodes.Single(n => n.Node.Code == "A").Score);
        Assert.Equal(30.5m, sheet.Nodes.Single(n => n.Node.Code == "B").Score);
        Assert.Equal(81.5m, sheet.Total);
        Assert.Equal("良", sheet.Grade);
    }
}
