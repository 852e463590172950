using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Delivery;

/// <summary>
/// 执行情况: sessions, participants and spending against plan, one row per region of the level below the viewer's
/// scope: the district sees its subdistricts (and drills down to a subdistrict's communities), a subdistrict officer
/// the communities of the subdistrict, community staff their own community.
/// </summary>
public sealed class ExecutionModel(WeishiDbContext db, ExecutionQuery query) : PageModel
{
    public sealed record Row(int RegionId, string Name, ExecutionFigures Figures);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? SubdistrictId { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    /// <summary>What the rows are the parts of: null for the whole district, else a subdistrict or the viewer's community.</summary>
    public string? ScopeName { get; private set; }
    /// <summary>Whether the district-wide view is a step up from this one (a district reader drilled down).</summary>
    public bool DrilledDown { get; private set; }
    public RegionLevel RowLevel { get; private set; } = RegionLevel.Subdistrict;
    public string Heading => RowLevel == RegionLevel.Subdistrict ? "各街道" : SubdistrictId is not null ? $"{ScopeName}各社区" : ScopeName ?? "各社区";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ExecutionFigures Total { get; private set; } = ExecutionFigures.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Years = await db.Projects.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        Year ??= Years.FirstOrDefault(ChinaDate.Today(db.Time).Year);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.District).OrderBy(r => r.Code).ToListAsync(ct);
        var perRegion = await query.PerCommunityAsync(Year.Value, ct);
        ExecutionFigures Own(int regionId) => perRegion.GetValueOrDefault(regionId, ExecutionFigures.Empty);

        // A subdistrict officer's scope holds the subdistrict and its communities; a community's staff only the community.
        var ownSubdistricts = db.Scope.ReadAll ? [] : regions.Where(r => r.Level == RegionLevel.Subdistrict && db.Scope.CanRead(r.Id)).ToList();
        if (SubdistrictId is null && ownSubdistricts.Count == 1) SubdistrictId = ownSubdistricts[0].Id;

        if (SubdistrictId is { } sid)
        {
            var subdistrict = regions.FirstOrDefault(r => r.Id == sid && r.Level == RegionLevel.Subdistrict);
            if (subdistrict is null) return NotFound();
            ScopeName = subdistrict.Name;
            DrilledDown = db.Scope.ReadAll || ownSubdistricts.Count > 1;
            RowLevel = RegionLevel.Community;
            var rows = regions.Where(r => r.ParentId == sid && db.Scope.CanRead(r.Id)).Select(r => new Row(r.Id, r.ShortName, Own(r.Id))).ToList();
            // Cross-community projects are charged to the subdistrict itself: a row of their own, so the rows add up to the subdistrict.
            if (db.Scope.CanRead(sid) && Own(sid).Projects > 0) rows.Insert(0, new Row(sid, $"{subdistrict.Name}（跨社区项目）", Own(sid)));
            Rows = rows;
        }
        else if (db.Scope.ReadAll || ownSubdistricts.Count > 1)
        {
            Rows = regions.Where(r => r.Level == RegionLevel.Subdistrict && db.Scope.CanRead(r.Id))
                .Select(s => new Row(s.Id, s.Name, regions.Where(c => c.ParentId == s.Id)
                    .Select(c => Own(c.Id)).Aggregate(Own(s.Id), (a, b) => a.Plus(b)))).ToList();
        }
        else
        {
            RowLevel = RegionLevel.Community;
            Rows = regions.Where(r => r.Level == RegionLevel.Community && db.Scope.CanRead(r.Id)).Select(r => new Row(r.Id, r.ShortName, Own(r.Id))).ToList();
            ScopeName = Rows.Count == 1 ? Rows[0].Name : null;
        }
        Total = Rows.Select(r => r.Figures).Aggregate(ExecutionFigures.Empty, (a, b) => a.Plus(b));
        return Page();
    }
}
