using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Public;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Home;

/// <summary>A resident's own needs and what became of them, each with its tracking page and its project once public.</summary>
public sealed class ResidentModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(string Text, string Community, DemandStatus Status, DateTime SubmittedAtUtc, string? TrackingCode,
        int? ProjectId, string? Project)
    {
        /// <summary>Set when the project is on the public portal, the only project page a resident may open.</summary>
        public bool ProjectPublic { get; init; }
    }

    public IReadOnlyList<Row> Demands { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = db.Scope.UserId;
        var rows = await db.Demands.AsNoTracking().Where(d => d.SubmittedByUserId == userId)
            .OrderByDescending(d => d.SubmittedAtUtc)
            .Select(d => new Row(d.Text, d.Region!.ShortName, d.Status, d.SubmittedAtUtc, d.TrackingCode, d.ProjectId, d.Project!.Name))
            .ToListAsync(HttpContext.RequestAborted);
        var projectIds = rows.Where(r => r.ProjectId != null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var visible = await PublicProjects.Visible(db).Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, HttpContext.RequestAborted);
        Demands = rows.Select(r => r.ProjectId is { } id && visible.TryGetValue(id, out var name)
            ? r with { ProjectPublic = true, Project = name } : r).ToList();
    }
}
