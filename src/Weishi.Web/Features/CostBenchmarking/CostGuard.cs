using Weishi.Web.Features.Projects;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>A proposal whose unit cost is flagged goes to publicity only with the reviewer's recorded reason.</summary>
public sealed class CostGuard(CostComparison comparison) : IProjectStepGuard
{
    public async Task<string?> CheckAsync(Project project, ProjectStatus to, string? comment, CancellationToken ct)
    {
        if (project.Status != ProjectStatus.SubdistrictReview || to != ProjectStatus.Publicity) return null;
        var result = await comparison.CompareAsync(project.Id, ct);
        if (result is null || !result.Flagged || result.Reason is not null) return null;
        return $"项目单位成本 {result.Unit.Show()} 明显偏高（{result.Flag}），请先在“比价”中填写同意的理由";
    }

    public Task OnMovingAsync(Project project, ProjectStatus from, ProjectStatus to, string? comment, CancellationToken ct) => Task.CompletedTask;
}
