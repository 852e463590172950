using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Deviations;

/// <summary>The open deviation flags the user is responsible for (the query filter limits them), for home pages.</summary>
public sealed class OpenDeviationsViewComponent(WeishiDbContext db) : ViewComponent
{
    public sealed record Row(int ProjectId, string Code, string Name, DeviationKind Kind, string Message, DateOnly RaisedOn);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var rows = await db.DeviationFlags.AsNoTracking().Where(f => f.ResolvedOn == null)
            .OrderByDescending(f => f.RaisedOn).ThenBy(f => f.ProjectId).Take(30)
            .Select(f => new Row(f.ProjectId, f.Project!.Code, f.Project.Name, f.Kind, f.Message, f.RaisedOn)).ToListAsync();
        return View("~/Features/Deviations/_OpenDeviations.cshtml", rows);
    }
}
