using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using M = Weishi.Web.Features.Evaluation.DataMetrics;

namespace Weishi.Web.Features.Evaluation;

/// <summary>
/// The shipped trees: the 民生微实事 programme tree (决策 15 / 过程 25 / 产出 30 / 效益 30) and the simplified
/// self-evaluation tree (预算执行率 10 / 产出 50 / 效益 30 / 满意度 10). Added once when no tree of the kind exists.
/// </summary>
public static class DefaultTrees
{
    private const string ExecutionBands = "≥0.95:1；≥0.9:0.8；≥0.8:0.6；≥0.6:0.4";
    private const string SatisfactionBands = "≥0.9:1；≥0.8:0.8；≥0.7:0.6；≥0.6:0.4";

    public static async Task EnsureAsync(WeishiDbContext db, CancellationToken ct = default)
    {
        var kinds = await db.Set<IndicatorTree>().Select(t => t.Kind).Distinct().ToListAsync(ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        if (!kinds.Contains(TreeKind.Programme)) db.Add(Stamped(Programme(), now));
        if (!kinds.Contains(TreeKind.SelfEvaluation)) db.Add(Stamped(SelfEvaluation(), now));
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }

    public static IndicatorTree Programme() => Tree("民生微实事项目绩效评价指标体系", TreeKind.Programme,
    [
        G("A", null, "决策", 15),
        G("A1", "A", "项目立项", 7),
        X("A1-1", "A1", "立项依据充分性", 3, "项目符合民生微实事政策与负面清单要求、申报材料齐全的，得满分；每发现一类问题扣 1 分"),
        P("A1-2", "A1", "需求与项目关联度", 4, M.DemandLinked, 0.8m),
        G("A2", "A", "绩效目标", 4),
        X("A2-1", "A2", "绩效目标合理性", 2, "绩效目标与项目内容、预算相匹配的，得满分；目标笼统或与内容不符的酌情扣分"),
        X("A2-2", "A2", "绩效指标明确性", 2, "绩效指标细化、量化、可衡量的，得满分；缺少数量、质量、时效指标的酌情扣分"),
        G("A3", "A", "资金投入", 4),
        B("A3-1", "A3", "评审打分覆盖率", 2, M.RubricScored, "≥0.9:1；≥0.7:0.8；≥0.5:0.6；≥0.3:0.3"),
        B("A3-2", "A3", "单位成本合理性", 2, M.UnitCostDispersion, "≤0.5:1；≤0.8:0.8；≤1.2:0.5；≤2:0.25"),
        G("B", null, "过程", 25),
        G("B1", "B", "资金管理", 12),
        P("B1-1", "B1", "资金到位率", 3, M.FundsInPlace, 1m),
        B("B1-2", "B1", "预算执行率", 5, M.BudgetExecution, ExecutionBands),
        X("B1-3", "B1", "资金使用合规性", 4, "资金拨付程序规范、凭证完整、无截留挪用的，得满分；发现违规的每项扣 1 分"),
        G("B2", "B", "组织实施", 13),
        X("B2-1", "B2", "管理制度健全性", 3, "项目管理、资金管理、监督检查制度健全并执行的，得满分；缺一项扣 1 分"),
        P("B2-2", "B2", "监督检查覆盖率", 4, M.InspectionCoverage, 1m),
        P("B2-3", "B2", "活动场次完成率", 3, M.SessionsHeld, 1m),
        X("B2-4", "B2", "档案资料完整性", 3, "合同、活动记录、签到表、影像资料、验收报告齐全的，得满分；抽查缺失的酌情扣分"),
        G("C", null, "产出", 30),
        G("C1", "C", "产出数量", 12),
        P("C1-1", "C1", "项目完成率", 6, M.Completion, 1m),
        P("C1-2", "C1", "受益人数达成率", 6, M.BeneficiariesReached, 1m),
        G("C2", "C", "产出质量", 10),
        P("C2-1", "C2", "一次验收通过率", 6, M.AcceptedFirstTime, 1m),
        B("C2-2", "C2", "服务对象覆盖面（参与者集中度）", 4, M.Concentration, "≤0.3:1；≤0.45:0.6；≤0.6:0.3"),
        G("C3", "C", "产出时效", 8),
        P("C3-1", "C3", "按期完成率", 8, M.OnTime, 1m),
        G("D", null, "效益", 30),
        G("D1", "D", "社会效益", 12),
        P("D1-1", "D1", "居民知晓率", 6, M.Awareness, 0.8m),
        X("D1-2", "D1", "项目社会影响", 6, "结合实地调研与访谈，项目改善居民生活、促进社区参与的程度，由评价组评分"),
        G("D2", "D", "可持续影响", 8),
        P("D2-1", "D2", "工程管养落实率", 5, M.WorksMaintained, 1m),
        X("D2-2", "D2", "长效机制建设", 3, "服务具有持续性、形成长效机制的，得满分；以一次性活动为主的酌情扣分"),
        G("D3", "D", "满意度", 10),
        B("D3-1", "D3", "服务对象满意率", 10, M.Satisfaction, SatisfactionBands),
    ]);

    public static IndicatorTree SelfEvaluation() => Tree("社区民生微实事自评指标体系", TreeKind.SelfEvaluation,
    [
        G("S1", null, "预算执行率", 10),
        B("S1-1", "S1", "预算执行率", 10, M.BudgetExecution, ExecutionBands),
        G("S2", null, "产出", 50),
        P("S2-1", "S2", "项目完成率", 15, M.Completion, 1m),
        P("S2-2", "S2", "按期完成率", 10, M.OnTime, 1m),
        P("S2-3", "S2", "一次验收通过率", 10, M.AcceptedFirstTime, 1m),
        P("S2-4", "S2", "活动场次完成率", 15, M.SessionsHeld, 1m),
        G("S3", null, "效益", 30),
        P("S3-1", "S3", "居民知晓率", 10, M.Awareness, 0.8m),
        P("S3-2", "S3", "受益人数达成率", 10, M.BeneficiariesReached, 1m),
        X("S3-3", "S3", "社会效益", 10, "社区对项目改善居民生活情况的自我评价，须写明依据"),
        G("S4", null, "满意度", 10),
        B("S4-1", "S4", "服务对象满意率", 10, M.Satisfaction, SatisfactionBands),
    ]);

    private static IndicatorTree Stamped(IndicatorTree tree, DateTime nowUtc)
    {
        tree.CreatedAtUtc = nowUtc;
        return tree;
    }

    /// <summary>A shipped tree; <see cref="EnsureAsync"/> dates it by the application's clock when it stores it.</summary>
    private static IndicatorTree Tree(string name, TreeKind kind, IndicatorNode[] nodes)
    {
        var tree = new IndicatorTree { Name = name, Kind = kind, Version = 1, CreatedBy = "系统预置" };
        var position = 0;
        foreach (var n in nodes)
        {
            n.Position = ++position;
            n.Rule ??= RuleText(n);
            tree.Nodes.Add(n);
        }
        TreeRules.Validate(tree.Nodes); // sets the levels
        return tree;
    }

    /// <summary>The rule in words for data, proportional and banded leaves.</summary>
    public static string RuleText(IndicatorNode n)
    {
        var metric = DataMetrics.Find(n.MetricCode);
        var source = metric is null ? "实际值" : $"{metric.Name}（{metric.Formula}）";
        var banded = n.Method == ScoringMethod.Banded || (n.Method == ScoringMethod.Data && n.DataBanded);
        if (n.Method == ScoringMethod.Group || n.Method == ScoringMethod.Expert) return n.Rule ?? "";
        return banded
            ? $"{source}：{Scoring.Describe(Scoring.ParseBands(n.Bands).Bands)}"
            : $"{source} ÷ 目标值 {n.Target:0.###} × {n.Weight:0.##} 分，最高 {n.Weight:0.##} 分";
    }

    private static IndicatorNode G(string code, string? parent, string name, decimal weight) =>
        new() { Code = code, ParentCode = parent, Name = name, Weight = weight, Method = ScoringMethod.Group };

    private static IndicatorNode X(string code, string parent, string name, decimal weight, string rule) =>
        new() { Code = code, ParentCode = parent, Name = name, Weight = weight, Method = ScoringMethod.Expert, Rule = rule };

    private static IndicatorNode P(string code, string parent, string name, decimal weight, string metric, decimal target) =>
        new() { Code = code, ParentCode = parent, Name = name, Weight = weight, Method = ScoringMethod.Data, MetricCode = metric, Target = target };

    private static IndicatorNode B(string code, string parent, string name, decimal weight, string metric, string bands) =>
        new() { Code = code, ParentCode = parent, Name = name, Weight = weight, Method = ScoringMethod.Data, MetricCode = metric, DataBanded = true, Bands = bands };
}
