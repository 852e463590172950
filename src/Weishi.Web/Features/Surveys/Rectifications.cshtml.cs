using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>整改清单 in the user's scope: a community its own, a contractor those of its projects.</summary>
public sealed class RectificationsModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int ProjectId, string Project, int Year, string Community, string? Contractor, Rectification Rectification);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await db.Rectifications.AsNoTracking().OrderByDescending(r => r.OpenedAtUtc).ThenByDescending(r => r.Id).Take(500)
            .Select(r => new Row(r.ProjectId, r.Project!.Name, r.Project.Year, r.Project.Region!.ShortName,
                r.Project.Contractor != null ? r.Project.Contractor.Name : null, r)).ToListAsync();
}
