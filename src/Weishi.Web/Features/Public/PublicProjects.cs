using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Public;

/// <summary>
/// What the public portal may show: only projects the subdistrict approved for publicity or beyond
/// (<see cref="ProjectWorkflow.Committed"/>). Portal pages read
/// with IgnoreQueryFilters (visitors have no scope) and must always start from <see cref="Visible"/>.
/// </summary>
public static class PublicProjects
{
    public static IQueryable<Project> Visible(WeishiDbContext db) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Projects)
            .Where(p => ProjectWorkflow.Committed.Contains(p.Status));
}
