using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.SpotChecks;

/// <summary>Draws and re-draws spot checks; the district's pages and the demo use it.</summary>
public sealed class SpotCheckService(WeishiDbContext db)
{
    /// <summary>Projects of the year that are being delivered (实施中), with their subdistrict.</summary>
    public async Task<List<SpotCheckCandidate>> OngoingAsync(int year, CancellationToken ct = default) =>
        await CandidatesAsync(db.Projects.Where(p => p.Year == year && p.Status == ProjectStatus.InProgress), ct);

    public async Task<List<SpotCheckCandidate>> CandidatesAsync(IQueryable<Project> projects, CancellationToken ct = default)
    {
        var rows = await projects.AsNoTracking().Select(p => new
        {
            p.Id,
            p.Type,
            Level = p.Region!.Level,
            RegionId = p.RegionId,
            RegionName = p.Region.Name,
            ParentId = p.Region.ParentId,
            ParentName = p.Region.Parent!.Name,
        }).ToListAsync(ct);
        return rows.Select(r => r.Level == RegionLevel.Community
                ? new SpotCheckCandidate(r.Id, r.ParentId ?? r.RegionId, r.ParentName, r.Type)
                : new SpotCheckCandidate(r.Id, r.RegionId, r.RegionName, r.Type))
            .OrderBy(c => c.ProjectId).ToList();
    }

    public async Task<SpotCheckDraw> DrawAsync(string period, int year, int seed, int perStratum, List<SpotCheckCandidate> candidates, CancellationToken ct = default)
    {
        var draw = new SpotCheckDraw
        {
            Period = period,
            Year = year,
            Seed = seed,
            PerStratum = perStratum,
            CandidateIds = string.Join(',', candidates.Select(c => c.ProjectId).OrderBy(id => id)),
            DrawnAtUtc = db.Time.GetUtcNow().UtcDateTime,
            DrawnBy = db.Scope.UserName,
        };
        foreach (var c in SpotCheckSampler.Draw(candidates, seed, perStratum))
            draw.Items.Add(new SpotCheckItem { ProjectId = c.ProjectId, Stratum = c.Stratum });
        db.SpotCheckDraws.Add(draw);
        await db.SaveChangesAsync(ct);
        return draw;
    }

    /// <summary>Re-draws from the stored candidates and seed; the ids should equal the stored sample.</summary>
    public async Task<List<int>> RedrawAsync(SpotCheckDraw draw, CancellationToken ct = default)
    {
        var ids = draw.CandidateIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        var candidates = await CandidatesAsync(db.Projects.IgnoreQueryFilters().Where(p => ids.Contains(p.Id)), ct);
        return SpotCheckSampler.Draw(candidates, draw.Seed, draw.PerStratum).Select(c => c.ProjectId).ToList();
    }
}
