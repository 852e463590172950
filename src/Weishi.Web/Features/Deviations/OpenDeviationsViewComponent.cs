using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Deviations;

/// <summary>The open deviation flags the user is responsible for (the query filter limits them), one line per project.</summary>
public sealed class OpenDeviationsViewComponent(WeishiDbContext db) : ViewComponent
{
    public sealed record Flag(DeviationKind Kind, string Message);
    public sealed record Row(int ProjectId, string Code, string Name, DateOnly RaisedOn, IReadOnlyList<Flag> Flags);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var flags = await db.DeviationFlags.AsNoTracking().Where(f => f.ResolvedOn == null)
            .OrderByDescending(f => f.RaisedOn).ThenByDescending(f => f.ProjectId).Take(300)
            .Select(f => new { f.ProjectId, f.Project!.Code, f.Project.Name, f.Kind, f.Message, f.RaisedOn }).ToListAsync();
        var rows = flags.GroupBy(f => f.ProjectId).Take(30)
            .Select(g => new Row(g.Key, g.First().Code, g.First().Name, g.Max(f => f.RaisedOn),
                g.OrderBy(f => f.Kind).Select(f => new Flag(f.Kind, f.Message)).ToList()))
            .ToList();
        return View("~/Features/Deviations/_OpenDeviations.cshtml", rows);
    }
}
