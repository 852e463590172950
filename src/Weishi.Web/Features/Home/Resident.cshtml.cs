using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Home;

/// <summary>A resident's own needs and what became of them.</summary>
public sealed class ResidentModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(string Text, string Community, DemandStatus Status, DateTime SubmittedAtUtc, string? Project);

    public IReadOnlyList<Row> Demands { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = db.Scope.UserId;
        Demands = await db.Demands.AsNoTracking().Where(d => d.SubmittedByUserId == userId)
            .OrderByDescending(d => d.SubmittedAtUtc)
            .Select(d => new Row(d.Text, d.Region!.ShortName, d.Status, d.SubmittedAtUtc, d.Project!.Name))
            .ToListAsync(HttpContext.RequestAborted);
    }
}
