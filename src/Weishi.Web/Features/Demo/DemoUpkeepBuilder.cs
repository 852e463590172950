using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.CostBenchmarking;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>Assets of the demo's accepted works projects (some without an upkeep body or money), then the cost norms.</summary>
public sealed class DemoUpkeepBuilder(WeishiDbContext db)
{
    public async Task BuildAsync(CancellationToken ct)
    {
        var rng = new Random(DemoSeeder.Seed + 10);
        var works = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Type == ProjectType.Works && p.Status == ProjectStatus.Accepted)
            .OrderBy(p => p.Id).Select(p => new { Project = p, Value = p.BudgetLines.Sum(l => l.AmountFen) }).ToListAsync(ct);
        foreach (var w in works)
        {
            var asset = AssetGuard.FromProject(w.Project, w.Value, DateOnly.FromDateTime(w.Project.StatusChangedAtUtc));
            asset.Project = null;
            var roll = rng.NextDouble();
            if (roll >= 0.2)
            {
                asset.UpkeepBody = roll < 0.6 ? UpkeepBody.Community : roll < 0.85 ? UpkeepBody.PropertyCompany : UpkeepBody.Department;
                asset.UpkeepBodyName = asset.UpkeepBody switch
                {
                    UpkeepBody.Community => "社区工作站",
                    UpkeepBody.PropertyCompany => "小区物业服务中心",
                    _ => "街道城建办",
                };
                if (rng.NextDouble() < 0.85) asset.YearlyReserveFen = (long)(w.Value * 0.03 / 10000) * 10000;
                asset.ReserveFromProgramme = asset.YearlyReserveFen > 0 && rng.NextDouble() < 0.3;
            }
            var last = asset.CompletedOn.AddMonths(InspectionSchedule.DefaultMonths(asset.Kind));
            if (rng.NextDouble() < 0.6)
                asset.Records.Add(new AssetRecord { Kind = AssetRecordKind.Inspection, On = last, Defects = rng.NextDouble() < 0.3 ? "部分设施损坏，已报修" : null, RecordedBy = "演示数据" });
            db.Assets.Add(asset);
        }
        await db.SaveChangesAsync(ct);
        await new CostNormService(db).RefreshAsync(ct);
    }

    public static async Task ClearAsync(WeishiDbContext db, CancellationToken ct)
    {
        await db.AssetPhotos.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.AssetRecords.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.Assets.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.SimilarMatches.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.CostApprovalReasons.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.CostNorms.ExecuteDeleteAsync(ct);
    }
}
