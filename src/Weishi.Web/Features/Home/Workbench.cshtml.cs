using Weishi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Home;

/// <summary>Home of community and subdistrict staff: their budgets, their projects in progress, needs waiting.</summary>
public sealed class WorkbenchModel(WeishiDbContext db, BudgetLedger ledger) : PageModel
{
    public sealed record ProjectRow(int Id, string Code, string Name, string Community, ProjectStatus Status);
    public sealed record BudgetRow(string Community, BudgetFigures Figures);

    public int Year { get; private set; }
    public IReadOnlyList<BudgetRow> Budgets { get; private set; } = [];
    public IReadOnlyList<ProjectRow> Open { get; private set; } = [];
    public int PendingDemands { get; private set; }
    public sealed record PosterLink(string Code, string Community);
    /// <summary>The communities in the user's scope, each with its printable 需求征集 poster.</summary>
    public IReadOnlyList<PosterLink> Posters { get; private set; } = [];
    public IReadOnlyList<(ProjectStatus Status, int Count)> ByStatus { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Year = await db.AnnualBudgets.Select(b => (int?)b.Year).MaxAsync(ct) ?? ChinaDate.Today(db.Time).Year;
        var figures = await ledger.ForYearAsync(Year, ct);
        var names = await db.Regions.AsNoTracking().Where(r => figures.Keys.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ShortName, ct);
        var scoped = db.Scope.RegionIds;
        Posters = await db.Regions.AsNoTracking().Where(r => scoped.Contains(r.Id) && r.Level == RegionLevel.Community)
            .OrderBy(r => r.Code).Select(r => new PosterLink(r.Code, r.ShortName)).ToListAsync(ct);
        Budgets = figures.Values.OrderBy(f => f.RegionId).Select(f => new BudgetRow(names.GetValueOrDefault(f.RegionId, ""), f)).ToList();
        Open = await db.Projects.AsNoTracking()
            .Where(p => p.Status != ProjectStatus.Accepted && p.Status != ProjectStatus.Rejected && p.Status != ProjectStatus.Withdrawn)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Code).Take(30)
            .Select(p => new ProjectRow(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Status)).ToListAsync(ct);
        PendingDemands = await db.Demands.CountAsync(d => d.Status == DemandStatus.Pending, ct);
        ByStatus = (await db.Projects.Where(p => p.Year == Year).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(x => (x.Key, x.Count)).OrderBy(x => x.Key).ToList();
    }
}
