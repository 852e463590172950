using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Evaluation;

public enum TreeKind
{
    /// <summary>The finance bureau's evaluation of the programme (决策/过程/产出/效益).</summary>
    Programme = 1,
    /// <summary>A community's simplified self-evaluation (预算执行率/产出/效益/满意度).</summary>
    SelfEvaluation = 2,
}

public static class TreeKinds
{
    public static string Name(TreeKind kind) => kind == TreeKind.Programme ? "项目绩效评价" : "社区自评";
}

public enum ScoringMethod
{
    /// <summary>A group node: its score is the sum of its children.</summary>
    Group = 0,
    /// <summary>From a data metric, then proportional or banded against the leaf's target or thresholds.</summary>
    Data = 1,
    /// <summary>actual ÷ target × weight, capped at the weight; the scorer enters the actual value.</summary>
    Proportional = 2,
    /// <summary>Thresholds give a share of the weight; the scorer enters the actual value.</summary>
    Banded = 3,
    /// <summary>A scorer enters a score within the weight with a written reason and evidence files.</summary>
    Expert = 4,
}

/// <summary>
/// 指标体系: one version of an indicator tree. Changing a tree saves a new version; evaluations keep the version
/// they were made with.
/// </summary>
public class IndicatorTree : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TreeKind Kind { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public List<IndicatorNode> Nodes { get; set; } = [];
}

/// <summary>One indicator: a group (levels 1–2) or a leaf with its scoring rule.</summary>
public class IndicatorNode : IAudited
{
    public int Id { get; set; }
    public int TreeId { get; set; }
    public IndicatorTree? Tree { get; set; }
    /// <summary>Position in the tree's outline, e.g. A, A1, A1-2.</summary>
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public int Level { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public decimal Weight { get; set; }
    public ScoringMethod Method { get; set; }
    /// <summary>For <see cref="ScoringMethod.Data"/>: the code of a metric in <see cref="DataMetrics"/>.</summary>
    public string? MetricCode { get; set; }
    /// <summary>For data leaves: true = banded against <see cref="Bands"/>, false = proportional against <see cref="Target"/>.</summary>
    public bool DataBanded { get; set; }
    public decimal? Target { get; set; }
    /// <summary>Bands as written by the evaluator, e.g. "≥0.95:1；≥0.9:0.8；≥0.8:0.6" (see <see cref="Scoring.ParseBands"/>).</summary>
    public string? Bands { get; set; }
    /// <summary>The scoring rule in words, shown on the page and in the report.</summary>
    public string? Rule { get; set; }

    public bool IsLeaf => Method != ScoringMethod.Group;

    public static string MethodName(ScoringMethod m) => m switch
    {
        ScoringMethod.Group => "汇总",
        ScoringMethod.Data => "数据计算",
        ScoringMethod.Proportional => "比例计分",
        ScoringMethod.Banded => "区间计分",
        _ => "专家评分",
    };
}
