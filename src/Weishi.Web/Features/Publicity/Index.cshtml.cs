using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Publicity;

/// <summary>Projects under publicity in the user's scope, with their end date and open objections.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, string Community, DateTime? EndsAtUtc, int OpenObjections);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Publicity).OrderBy(p => p.Code).Take(200)
            .Select(p => new Row(p.Id, p.Code, p.Name, p.Region!.ShortName,
                db.PublicityNotices.Where(n => n.ProjectId == p.Id).Max(n => (DateTime?)n.EndsAtUtc),
                db.Objections.Count(o => o.ProjectId == p.Id && o.AnsweredAtUtc == null)))
            .ToListAsync();
}
