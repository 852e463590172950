using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Projects;

/// <summary>
/// 项目库: the projects the user may read, filtered by region (a subdistrict brings its communities), years, status or
/// stage, type, category and text. The findings link here with the region, period and stage a row counts.
/// </summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, int Year, string Community, ProjectType Type,
        ProjectCategory Category, ProjectStatus Status, long BudgetFen, long SpentFen, bool IsOneOff, string? Contractor);

    /// <summary>One year: the short form of From = To, kept for links that name a single year.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    /// <summary>A stage key or a status name (<see cref="ProjectStatusFilter"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;
    /// <summary>The years that hold projects, and a chosen year that holds none (so the choice stays visible).</summary>
    public IReadOnlyList<int> YearChoices { get; private set; } = [];
    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Regions = await RegionChoices.VisibleAsync(db, ct);
        // A region the user may not read is refused as the findings page does, rather than shown as an empty list.
        if (Region is { } chosen && Regions.All(r => r.Id != chosen)) return NotFound();
        if (Year is { } single) { From ??= single; To ??= single; }

        var years = await db.Projects.Select(p => p.Year).Distinct().ToListAsync(ct);
        YearChoices = years.Concat(new[] { From, To }.OfType<int>()).Distinct().OrderByDescending(y => y).ToList();
        var query = db.Projects.AsNoTracking();
        if (Region is { } region) query = query.Where(p => p.RegionId == region || p.Region!.ParentId == region);
        if (From is { } from) query = query.Where(p => p.Year >= from);
        if (To is { } to) query = query.Where(p => p.Year <= to);
        if (ProjectStatusFilter.Statuses(Status) is { } statuses) query = query.Where(p => statuses.Contains(p.Status));
        if (Type is { } t) query = query.Where(p => p.Type == t);
        if (Category is { } c) query = query.Where(p => p.Category == c);
        if (!string.IsNullOrWhiteSpace(Q)) query = query.Where(p => p.Name.Contains(Q.Trim()) || p.Code.Contains(Q.Trim()));
        var rows = query.OrderByDescending(p => p.Year).ThenBy(p => p.Code).Select(p => new Row(
            p.Id, p.Code, p.Name, p.Year, p.Region!.ShortName, p.Type, p.Category, p.Status,
            p.BudgetLines.Sum(l => l.AmountFen), p.Disbursements.Sum(d => d.AmountFen), p.IsOneOff, p.Contractor!.Name));
        Result = await Paged<Row>.LoadAsync(rows, PageNumber, 50, ct);
        return Page();
    }
}
