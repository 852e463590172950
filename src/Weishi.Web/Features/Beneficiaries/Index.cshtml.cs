using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Beneficiaries;

/// <summary>Per community and year: reach against targets and participant concentration (服务对象固化).</summary>
public sealed class IndexModel(WeishiDbContext db, ConcentrationQuery concentration) : PageModel
{
    public sealed record Row(int RegionId, string Community, int ServiceProjects, int OneOff, int Sessions, Concentration Figures);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Years = await db.Projects.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        Year ??= Years.FirstOrDefault();
        var year = Year.Value;
        var figures = await concentration.ForYearAsync(year, ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.Year == year && p.Type == ProjectType.Service)
            .GroupBy(p => p.RegionId)
            .Select(g => new
            {
                RegionId = g.Key,
                Count = g.Count(),
                OneOff = g.Count(p => p.IsOneOff),
            }).ToListAsync(ct);
        var sessions = await db.ActivitySessions.AsNoTracking().Where(ActivitySession.HeldBy(ChinaDate.Today(db.Time))).Where(s => s.Project!.Year == year)
            .GroupBy(s => s.Project!.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var ids = projects.Select(p => p.RegionId).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ShortName, ct);
        Rows = projects.OrderBy(p => names.GetValueOrDefault(p.RegionId), StringComparer.Ordinal)
            .Select(p => new Row(p.RegionId, names.GetValueOrDefault(p.RegionId, ""), p.Count, p.OneOff,
                sessions.GetValueOrDefault(p.RegionId), figures.GetValueOrDefault(p.RegionId, Concentration.Empty)))
            .OrderByDescending(r => r.Figures.Top10Share).ToList();
    }
}
