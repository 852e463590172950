using Weishi.Web.Features.Projects;

namespace Weishi.Web.Features.Contractors.Admission;

public enum AdmissionDecision
{
    Admitted = 1,
    NeedMaterials = 2,
    Refused = 3,
}

/// <summary>The facts the rules look at, taken from the registry.</summary>
public sealed record AdmissionFacts(
    DateOnly? RegisteredOn,
    int FullTimeStaff,
    int CertifiedSocialWorkers,
    int? OrgRatingLevel,
    IReadOnlyList<DateOnly> ViolationDates,
    IReadOnlyList<string> StaffQualifications);

public sealed record AdmissionVerdict(AdmissionDecision Decision, IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes)
{
    public static string DecisionName(AdmissionDecision d) => d switch
    {
        AdmissionDecision.Admitted => "准入",
        AdmissionDecision.NeedMaterials => "待补充材料",
        _ => "不准入",
    };
}

/// <summary>Evaluates the active rules for one category: any failed refusing rule → 不准入; else any failed or
/// unverifiable rule → 待补充材料; else 准入. Preferred conditions only add notes.</summary>
public static class AdmissionEvaluator
{
    public static AdmissionVerdict Evaluate(AdmissionFacts facts, IEnumerable<AdmissionRule> rules, ProjectCategory category, DateOnly today)
    {
        var refusals = new List<string>();
        var missing = new List<string>();
        var notes = new List<string>();
        foreach (var rule in rules.Where(r => r.Active && (r.Category is null || r.Category == category)).OrderBy(r => r.Id))
        {
            var (passed, reason) = Check(rule, facts, today);
            if (passed == true) continue;
            if (passed is null) missing.Add(reason);
            else if (rule.Outcome == RuleOutcome.Refuse) refusals.Add(reason);
            else if (rule.Outcome == RuleOutcome.NeedMaterials) missing.Add(reason);
            else notes.Add("未满足优先条件：" + reason);
        }
        var decision = refusals.Count > 0 ? AdmissionDecision.Refused
            : missing.Count > 0 ? AdmissionDecision.NeedMaterials
            : AdmissionDecision.Admitted;
        return new AdmissionVerdict(decision, [.. refusals, .. missing], notes);
    }

    /// <summary>true: met; false: not met; null: cannot be checked because information is missing.</summary>
    private static (bool? Passed, string Reason) Check(AdmissionRule rule, AdmissionFacts f, DateOnly today)
    {
        switch (rule.Kind)
        {
            case RuleKind.MinYearsRegistered:
                if (f.RegisteredOn is not { } reg) return (null, "未填写登记成立日期，无法核验成立年限");
                return (reg.AddYears(rule.Threshold) <= today,
                    $"登记成立未满 {rule.Threshold} 年（成立于 {reg:yyyy-MM-dd}）");
            case RuleKind.MinFullTimeStaff:
                return (f.FullTimeStaff >= rule.Threshold, $"专职人员 {f.FullTimeStaff} 人，少于 {rule.Threshold} 人");
            case RuleKind.MinCertifiedSocialWorkers:
                return (f.CertifiedSocialWorkers >= rule.Threshold, $"持证社工 {f.CertifiedSocialWorkers} 人，少于 {rule.Threshold} 人");
            case RuleKind.NoViolationsWithinYears:
                var since = today.AddYears(-rule.Threshold);
                var recent = f.ViolationDates.Count(d => d > since);
                return (recent == 0, $"近 {rule.Threshold} 年有 {recent} 条违规记录");
            case RuleKind.MinOrgRating:
                return (f.OrgRatingLevel >= rule.Threshold,
                    f.OrgRatingLevel is null ? $"未取得社会组织评估等级（要求 {rule.Threshold}A 及以上）"
                        : $"社会组织评估等级 {f.OrgRatingLevel}A，低于 {rule.Threshold}A");
            case RuleKind.RequiredQualification:
                var need = Math.Max(1, rule.Threshold);
                var have = f.StaffQualifications.Count(q => !string.IsNullOrEmpty(rule.Text) && q.Contains(rule.Text, StringComparison.Ordinal));
                return (have >= need, $"持有“{rule.Text}”的工作人员 {have} 人，少于 {need} 人");
            default:
                return (true, "");
        }
    }
}
