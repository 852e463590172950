namespace Weishi.Web.Features.Evaluation;

/// <summary>A figure computed from the system's data for a scope and period, with the inputs it was computed from.</summary>
public sealed record MetricInput(string Label, string Value);

public sealed record MetricValue(string Code, decimal? Value, IReadOnlyList<MetricInput> Inputs)
{
    public string Show() => Value is { } v ? DataMetrics.Find(Code)!.Format(v) : "无数据";
}

public sealed record MetricDefinition(string Code, string Name, string Formula, bool Ratio = true)
{
    public string Format(decimal v) => Ratio
        ? Infrastructure.Web.Display.Percent(v)
        : v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The registry of data metrics that data-driven leaves can use. Computed by <see cref="MetricCalculator"/>.</summary>
public static class DataMetrics
{
    public const string BudgetExecution = "budget_execution";
    public const string FundsInPlace = "funds_in_place";
    public const string Completion = "completion_rate";
    public const string OnTime = "on_time";
    public const string AcceptedFirstTime = "accepted_first_time";
    public const string BeneficiariesReached = "beneficiaries_reached";
    public const string Concentration = "participant_concentration";
    public const string SessionsHeld = "sessions_held";
    public const string InspectionCoverage = "inspection_coverage";
    public const string DemandLinked = "demand_linked";
    public const string RubricScored = "rubric_scored";
    public const string Awareness = "awareness";
    public const string Satisfaction = "satisfaction";
    public const string UnitCostDispersion = "unit_cost_dispersion";
    public const string WorksMaintained = "works_maintained";

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        new(BudgetExecution, "预算执行率", "实际支出 ÷ 年度预算（区级资金 + 市级补助）；单个项目或项目组合为 实际支出 ÷ 项目预算"),
        new(FundsInPlace, "资金到位率", "已完工、已验收项目的已拨付金额 ÷ 合同金额"),
        new(Completion, "项目完成率", "已完工、已验收项目数 ÷ 实施项目数（实施中、已完工、已验收）"),
        new(OnTime, "按期完成率", "按计划日期或之前完成的里程碑数 ÷ 计划日期已到的里程碑数"),
        new(AcceptedFirstTime, "一次验收通过率", "首次验收即“通过”的项目数 ÷ 已有验收记录的项目数"),
        new(BeneficiariesReached, "受益人数达成率", "有活动记录的服务类项目各自签到的不重复人数之和 ÷ 这些项目的计划受益人数之和"),
        new(Concentration, "参与者集中度", "参与次数最多的 10% 的人占全部签到人次的比例（越低越好）"),
        new(SessionsHeld, "活动场次完成率", "已开展活动场次 ÷ 服务类项目计划场次"),
        new(InspectionCoverage, "监督检查覆盖率", "有监督检查记录的实施项目数 ÷ 实施项目数"),
        new(DemandLinked, "需求关联率", "关联了居民需求的实施项目数 ÷ 实施项目数"),
        new(RubricScored, "评审打分覆盖率", "有居民议事会评分表的实施项目数 ÷ 实施项目数"),
        new(Awareness, "居民知晓率", "满意度问卷中参加前听说过民生微实事的份数 ÷ 问卷份数"),
        new(Satisfaction, "服务对象满意率", "满意度问卷中总体满意度 4 分及以上的份数 ÷ 问卷份数"),
        new(UnitCostDispersion, "同类项目单位成本离散度", "各功能同类项目单位成本的四分位距 ÷ 中位数的平均值（全区成本基准，越低越好）", Ratio: false),
        new(WorksMaintained, "工程管养落实率", "已明确管养主体的工程设施数 ÷ 范围内项目形成的设施数"),
    ];

    public static MetricDefinition? Find(string? code) => All.FirstOrDefault(m => m.Code == code);
}
