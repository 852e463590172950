using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Features.Projects;

/// <summary>
/// The project state machine: 草稿 → 已申报 → 社区评议 → 街道审核 → 公示中 → 实施中 → 已完工 → 已验收,
/// with 已否决 and 已撤回 as ends, and two steps back: 街道审核 → 社区评议 and 已完工 → 实施中 (before acceptance). Each step
/// names the roles that may take it and whether it carries a written reason (stored as a <see cref="ProjectDecision"/>).
/// </summary>
public static class ProjectWorkflow
{
    /// <param name="TakenOn">The page where the step is taken, when it needs more than a click (an approval opinion, an
    /// acceptance record); {0} is the project's id. The project page links there instead of offering a button.</param>
    /// <param name="Reason">Whether the step asks for a written reason; <paramref name="ReasonLabel"/> names it.</param>
    public sealed record Step(ProjectStatus From, ProjectStatus To, string Verb, AppRole[] Roles, string? TakenOn = null,
        StepReason Reason = StepReason.None, string? ReasonLabel = null)
    {
        public string? PageFor(int projectId) => TakenOn is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, TakenOn, projectId);
    }

    private static readonly AppRole[] Community = [AppRole.CommunityStaff, AppRole.SubdistrictOfficer, AppRole.DistrictAdmin];
    private static readonly AppRole[] Subdistrict = [AppRole.SubdistrictOfficer, AppRole.DistrictAdmin];

    public static readonly IReadOnlyList<Step> Steps =
    [
        new(ProjectStatus.Draft, ProjectStatus.Submitted, "申报", Community),
        new(ProjectStatus.Draft, ProjectStatus.Withdrawn, "撤回", Community),
        new(ProjectStatus.Submitted, ProjectStatus.CommunityReview, "提交社区评议", Community),
        new(ProjectStatus.Submitted, ProjectStatus.Withdrawn, "撤回", Community),
        new(ProjectStatus.CommunityReview, ProjectStatus.SubdistrictReview, "报街道审核", Community),
        new(ProjectStatus.CommunityReview, ProjectStatus.Rejected, "评议否决", Community, Reason: StepReason.Required, ReasonLabel: "否决理由"),
        new(ProjectStatus.CommunityReview, ProjectStatus.Withdrawn, "撤回", Community),
        new(ProjectStatus.SubdistrictReview, ProjectStatus.Publicity, "审核通过并公示", Subdistrict, Reason: StepReason.Optional, ReasonLabel: "审核意见"),
        new(ProjectStatus.SubdistrictReview, ProjectStatus.Rejected, "审核否决", Subdistrict, Reason: StepReason.Required, ReasonLabel: "否决理由"),
        // Back to the community, e.g. for the council's score that the subdistrict cannot approve without.
        new(ProjectStatus.SubdistrictReview, ProjectStatus.CommunityReview, "退回社区评议", Subdistrict, Reason: StepReason.Required, ReasonLabel: "退回原因"),
        new(ProjectStatus.Publicity, ProjectStatus.InProgress, "公示期满，开始实施", Subdistrict, "/Publicity/Project/{0}", StepReason.Required, "审批意见"),
        new(ProjectStatus.Publicity, ProjectStatus.Rejected, "公示后否决", Subdistrict, Reason: StepReason.Required, ReasonLabel: "否决理由"),
        // The completion page shows the checklist; an explanation is required there when delivery fell short of plan.
        new(ProjectStatus.InProgress, ProjectStatus.Completed, "完工", Community, "/Delivery/Complete/{0}", StepReason.Optional, "完工说明"),
        // Completion marked too early is taken back by the subdistrict before acceptance, with the reason.
        new(ProjectStatus.Completed, ProjectStatus.InProgress, "撤销完工", Subdistrict, Reason: StepReason.Required, ReasonLabel: "撤销原因"),
        new(ProjectStatus.Completed, ProjectStatus.Accepted, "验收通过", Subdistrict, "/Acceptance/Record/{0}"),
    ];

    /// <summary>Returns null when the reason fits the step, else what is wrong in Chinese.</summary>
    public static string? ReasonRefusal(Step step, string? reason)
    {
        if (step.Reason == StepReason.Required && string.IsNullOrWhiteSpace(reason)) return $"请填写{step.ReasonLabel}";
        if (reason?.Trim().Length > ProjectDecision.MaxReasonLength) return $"{step.ReasonLabel ?? "说明"}不能超过 {ProjectDecision.MaxReasonLength} 字";
        return null;
    }

    /// <summary>Statuses whose budget counts against the community's annual budget.</summary>
    public static readonly ProjectStatus[] Committed =
        [ProjectStatus.Publicity, ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Accepted];

    /// <summary>Statuses of projects that were carried out (counted in yearly statistics).</summary>
    public static readonly ProjectStatus[] Implemented =
        [ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Accepted];

    /// <summary>Statuses of projects whose delivery is over (completed or accepted).</summary>
    public static readonly ProjectStatus[] Finished = [ProjectStatus.Completed, ProjectStatus.Accepted];

    public static IEnumerable<Step> From(ProjectStatus status) => Steps.Where(s => s.From == status);

    /// <summary>Whether the user may take the step on a project of the region: with one of the step's roles where they
    /// write, or writing everywhere. Decides which steps the pages offer.</summary>
    public static bool MayTake(Step step, UserScope scope, int regionId) =>
        scope.WriteAll || (step.Roles.Any(scope.Roles.Contains) && scope.CanWrite(regionId));

    /// <summary>The steps the user may take from the project's status now.</summary>
    public static IReadOnlyList<Step> NextSteps(Project project, UserScope scope) =>
        From(project.Status).Where(s => MayTake(s, scope, project.RegionId)).ToList();

    public static Step? Find(ProjectStatus from, ProjectStatus to) =>
        Steps.FirstOrDefault(s => s.From == from && s.To == to);

    /// <summary>Returns null when the step is allowed, else the reason in Chinese.</summary>
    public static string? Refusal(ProjectStatus from, ProjectStatus to, IReadOnlySet<AppRole> roles)
    {
        var step = Find(from, to);
        if (step is null)
            return $"项目状态不能从“{Name(from)}”变为“{Name(to)}”";
        if (!step.Roles.Any(roles.Contains))
            return $"您的角色不能执行“{step.Verb}”";
        return null;
    }

    public static string Name(ProjectStatus s) => s switch
    {
        ProjectStatus.Draft => "草稿",
        ProjectStatus.Submitted => "已申报",
        ProjectStatus.CommunityReview => "社区评议",
        ProjectStatus.SubdistrictReview => "街道审核",
        ProjectStatus.Publicity => "公示中",
        ProjectStatus.InProgress => "实施中",
        ProjectStatus.Completed => "已完工",
        ProjectStatus.Accepted => "已验收",
        ProjectStatus.Rejected => "已否决",
        _ => "已撤回",
    };
}

public enum StepReason
{
    None = 0,
    Optional = 1,
    Required = 2,
}
