using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Maintenance;

/// <summary>On 验收通过 a works project (or a goods project) becomes an asset, in the same save as the status.</summary>
public sealed class AssetGuard(WeishiDbContext db) : IProjectStepGuard
{
    public Task<string?> CheckAsync(Project project, ProjectStatus to, string? comment, CancellationToken ct) => Task.FromResult<string?>(null);

    public async Task OnMovingAsync(Project project, ProjectStatus from, ProjectStatus to, string? comment, CancellationToken ct)
    {
        if (to != ProjectStatus.Accepted || project.Type == ProjectType.Service) return;
        if (await db.Assets.IgnoreQueryFilters().AnyAsync(a => a.ProjectId == project.Id, ct)) return;
        var value = await db.BudgetLines.IgnoreQueryFilters().Where(l => l.ProjectId == project.Id).SumAsync(l => l.AmountFen, ct);
        db.Assets.Add(FromProject(project, value, ChinaDate.Today(db.Time)));
    }

    public static Asset FromProject(Project project, long valueFen, DateOnly completedOn)
    {
        var kind = InspectionSchedule.Guess(project.Name, project.Type == ProjectType.Goods);
        return new Asset
        {
            RegionId = project.RegionId,
            ProjectId = project.Id,
            Project = project.Id == 0 ? project : null,
            Name = project.Name,
            Kind = kind,
            CompletedOn = completedOn,
            ValueFen = valueFen,
            ExpectedLifeYears = InspectionSchedule.ExpectedLife(kind),
        };
    }
}
