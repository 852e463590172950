using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Foundation;

public class WorkflowRulesTests
{
    private static readonly HashSet<AppRole> Community = [AppRole.CommunityStaff];
    private static readonly HashSet<AppRole> Subdistrict = [AppRole.SubdistrictOfficer];

    [Theory]
    [InlineData(ProjectStatus.Draft, ProjectStatus.Publicity)]
    [InlineData(ProjectStatus.Draft, ProjectStatus.InProgress)]
    [InlineData(ProjectStatus.Submitted, ProjectStatus.Accepted)]
    [InlineData(ProjectStatus.Accepted, ProjectStatus.Draft)]
    [InlineData(ProjectStatus.Rejected, ProjectStatus.Submitted)]
    [InlineData(ProjectStatus.Withdrawn, ProjectStatus.Submitted)]
    [InlineData(ProjectStatus.InProgress, ProjectStatus.Accepted)]
    [InlineData(ProjectStatus.Accepted, ProjectStatus.InProgress)]
    [InlineData(ProjectStatus.Accepted, ProjectStatus.Completed)]
    public void Illegal_transitions_are_refused_for_everyone(ProjectStatus from, ProjectStatus to)
    {
        var all = Enum.GetValues<AppRole>().ToHashSet();
        var refusal = ProjectWorkflow.Refusal(from, to, all);
        Assert.NotNull(refusal);
        Assert.Contains("不能从", refusal);
    }

    [Fact]
    public void The_main_path_runs_from_draft_to_accepted()
    {
        var path = new[] { ProjectStatus.Draft, ProjectStatus.Submitted, ProjectStatus.CommunityReview, ProjectStatus.SubdistrictReview,
            ProjectStatus.Publicity, ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Accepted };
        var roles = new HashSet<AppRole> { AppRole.CommunityStaff, AppRole.SubdistrictOfficer };
        for (var i = 0; i + 1 < path.Length; i++)
            Assert.Null(ProjectWorkflow.Refusal(path[i], path[i + 1], roles));
    }

    [Fact]
    public void Only_the_subdistrict_approves()
    {
        Assert.Contains("角色", ProjectWorkflow.Refusal(ProjectStatus.SubdistrictReview, ProjectStatus.Publicity, Community));
        Assert.Null(ProjectWorkflow.Refusal(ProjectStatus.SubdistrictReview, ProjectStatus.Publicity, Subdistrict));
        Assert.Contains("角色", ProjectWorkflow.Refusal(ProjectStatus.Completed, ProjectStatus.Accepted, Community));
    }

    [Fact]
    public void Evaluators_and_auditors_cannot_move_projects()
    {
        HashSet<AppRole> readers = [AppRole.FinanceEvaluator, AppRole.Auditor];
        foreach (var step in ProjectWorkflow.Steps)
            Assert.NotNull(ProjectWorkflow.Refusal(step.From, step.To, readers));
    }
}
