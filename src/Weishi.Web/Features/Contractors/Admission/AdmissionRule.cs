using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Contractors.Admission;

public enum RuleKind
{
    /// <summary>登记成立满 N 年.</summary>
    MinYearsRegistered = 1,
    /// <summary>专职人员不少于 N 人.</summary>
    MinFullTimeStaff = 2,
    /// <summary>近 N 年无违规记录.</summary>
    NoViolationsWithinYears = 3,
    /// <summary>社会组织评估等级 NA 及以上.</summary>
    MinOrgRating = 4,
    /// <summary>至少 N 名工作人员持有某项资格 (Text), usually for one category.</summary>
    RequiredQualification = 5,
    /// <summary>持证社工不少于 N 人.</summary>
    MinCertifiedSocialWorkers = 6,
}

/// <summary>What failing a rule means.</summary>
public enum RuleOutcome
{
    /// <summary>不准入.</summary>
    Refuse = 1,
    /// <summary>待补充材料.</summary>
    NeedMaterials = 2,
    /// <summary>优先条件: noted, never blocks.</summary>
    Preferred = 3,
}

/// <summary>One admission rule the district maintains as data.</summary>
public class AdmissionRule : IAudited
{
    public int Id { get; set; }
    public RuleKind Kind { get; set; }
    public int Threshold { get; set; }
    /// <summary>The qualification for <see cref="RuleKind.RequiredQualification"/> (matched as a substring).</summary>
    public string? Text { get; set; }
    /// <summary>Null: applies to every category.</summary>
    public ProjectCategory? Category { get; set; }
    public RuleOutcome Outcome { get; set; } = RuleOutcome.Refuse;
    public bool Active { get; set; } = true;

    public string Describe()
    {
        var what = Kind switch
        {
            RuleKind.MinYearsRegistered => $"登记成立满 {Threshold} 年",
            RuleKind.MinFullTimeStaff => $"专职人员不少于 {Threshold} 人",
            RuleKind.NoViolationsWithinYears => $"近 {Threshold} 年无违规记录",
            RuleKind.MinOrgRating => $"社会组织评估等级 {Threshold}A 及以上",
            RuleKind.RequiredQualification => $"至少 {Math.Max(1, Threshold)} 名工作人员持有“{Text}”",
            _ => $"持证社工不少于 {Threshold} 人",
        };
        var scope = Category is { } c ? $"（{ProjectNames.Category(c)}类）" : "";
        return what + scope;
    }

    public static string OutcomeName(RuleOutcome o) => o switch
    {
        RuleOutcome.Refuse => "不满足则不准入",
        RuleOutcome.NeedMaterials => "不满足则待补充材料",
        _ => "优先条件",
    };
}
