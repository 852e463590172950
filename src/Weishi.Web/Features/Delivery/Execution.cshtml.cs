using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Delivery;

/// <summary>执行情况: sessions, participants and spending against plan per subdistrict, drilling down to its communities.</summary>
public sealed class ExecutionModel(WeishiDbContext db, ExecutionQuery query) : PageModel
{
    public sealed record Row(int RegionId, string Name, ExecutionFigures Figures);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? SubdistrictId { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string? Subdistrict { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ExecutionFigures Total { get; private set; } = ExecutionFigures.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Years = await db.Projects.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        Year ??= Years.FirstOrDefault(db.Time.GetUtcNow().Year);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.District).OrderBy(r => r.Code).ToListAsync(ct);
        var perCommunity = await query.PerCommunityAsync(Year.Value, ct);
        if (SubdistrictId is { } sid)
        {
            Subdistrict = regions.FirstOrDefault(r => r.Id == sid && r.Level == RegionLevel.Subdistrict)?.Name;
            if (Subdistrict is null) return NotFound();
            Rows = regions.Where(r => r.ParentId == sid && db.Scope.CanRead(r.Id))
                .Select(r => new Row(r.Id, r.ShortName, perCommunity.GetValueOrDefault(r.Id, ExecutionFigures.Empty))).ToList();
        }
        else
        {
            Rows = regions.Where(r => r.Level == RegionLevel.Subdistrict)
                .Select(s => new Row(s.Id, s.Name, regions.Where(c => c.ParentId == s.Id)
                    .Select(c => perCommunity.GetValueOrDefault(c.Id, ExecutionFigures.Empty)).Aggregate(ExecutionFigures.Empty, (a, b) => a.Plus(b))))
                .Where(r => r.Figures.Projects > 0 || regions.Any(c => c.ParentId == r.RegionId && db.Scope.CanRead(c.Id))).ToList();
        }
        Total = Rows.Select(r => r.Figures).Aggregate(ExecutionFigures.Empty, (a, b) => a.Plus(b));
        return Page();
    }
}
