using Weishi.Web.Features.Findings;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Evaluation;

public enum EvaluationScopeKind
{
    District = 1,
    Subdistrict = 2,
    Community = 3,
    Project = 4,
    ProjectSet = 5,
}

/// <summary>Rows that belong to one evaluation; saves are checked against the evaluation's owner.</summary>
public interface IEvaluationPart
{
    int EvaluationId { get; }
}

/// <summary>
/// 绩效评价: a tree version applied to a scope and period. A district evaluation (no owner) is the finance bureau's;
/// a community's self-evaluation (owner set) is visible only to that community and the district.
/// </summary>
public class PerformanceEvaluation : IAudited
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public int TreeId { get; set; }
    public IndicatorTree? Tree { get; set; }
    public EvaluationScopeKind ScopeKind { get; set; }
    /// <summary>Subdistricts or communities in scope, comma-separated ids (empty for the district).</summary>
    public string RegionIds { get; set; } = "";
    /// <summary>Projects in scope for a single project or a set, comma-separated ids.</summary>
    public string ProjectIds { get; set; } = "";
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    /// <summary>The community whose self-evaluation this is; null for district evaluations.</summary>
    public int? OwnerRegionId { get; set; }
    public string? Background { get; set; }
    public string? WorkDone { get; set; }
    public string? Achievements { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<EvaluationScore> Scores { get; set; } = [];
    public List<EvaluationRecommendation> Recommendations { get; set; } = [];

    public EvaluationScope ToScope() => new(FromYear, ToYear, Ids(RegionIds), Ids(ProjectIds));

    public static string Join(IEnumerable<int> ids) => string.Join(',', ids.Distinct().Order());

    public static IReadOnlyList<int> Ids(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public string Period => PeriodOf(FromYear, ToYear);

    /// <summary>A period as the report writes it (2021年, 2021—2023年); the findings page and its statements use it too.</summary>
    public static string PeriodOf(int fromYear, int toYear) => fromYear == toYear ? $"{fromYear}年" : $"{fromYear}—{toYear}年";

    public static string ScopeName(EvaluationScopeKind k) => k switch
    {
        EvaluationScopeKind.District => "全区",
        EvaluationScopeKind.Subdistrict => "街道",
        EvaluationScopeKind.Community => "社区",
        EvaluationScopeKind.Project => "单个项目",
        _ => "项目组合",
    };
}

/// <summary>A scorer's entry for one leaf: the score (expert) or the actual value (proportional/banded), with the reason.</summary>
public class EvaluationScore : IAudited, IEvaluationPart
{
    public int Id { get; set; }
    public int EvaluationId { get; set; }
    public PerformanceEvaluation? Evaluation { get; set; }
    public required string NodeCode { get; set; }
    public decimal? Score { get; set; }
    public decimal? Actual { get; set; }
    public string? Reason { get; set; }
    public string? ScoredBy { get; set; }
    public DateTime ScoredAtUtc { get; set; }
    public List<EvaluationEvidence> Evidence { get; set; } = [];
}

/// <summary>An evidence file of an expert score, kept in the file store.</summary>
public class EvaluationEvidence : IEvaluationPart
{
    public int Id { get; set; }
    public int EvaluationId { get; set; }
    public int ScoreId { get; set; }
    public EvaluationScore? ScoreRow { get; set; }
    public required string FileName { get; set; }
    public required string Path { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>有关建议: seeded from the findings' recommendations, edited by staff before export.</summary>
public class EvaluationRecommendation : IAudited, IEvaluationPart
{
    public int Id { get; set; }
    public int EvaluationId { get; set; }
    public PerformanceEvaluation? Evaluation { get; set; }
    public int Position { get; set; }
    public string? FindingType { get; set; }
    public required string Text { get; set; }
}
