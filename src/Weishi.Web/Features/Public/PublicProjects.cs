using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Public;

/// <summary>
/// What the public portal may show: only projects the subdistrict approved for publicity or beyond
/// (<see cref="ProjectWorkflow.Committed"/>). Portal pages read
/// with IgnoreQueryFilters (visitors have no scope) and must always start from <see cref="Visible"/> (or, for one
/// project's page, <see cref="Announced"/>).
/// </summary>
public static class PublicProjects
{
    public static IQueryable<Project> Visible(WeishiDbContext db) =>
        db.Projects.IgnoreQueryFilters()
            .Where(p => ProjectWorkflow.Committed.Contains(p.Status));

    /// <summary>
    /// <see cref="Visible"/> plus projects rejected after their publicity: residents saw them announced (and may have
    /// objected), so their page stays up with the subdistrict's reason. Only the project page reads this; lists and
    /// figures keep to <see cref="Visible"/>.
    /// </summary>
    public static IQueryable<Project> Announced(WeishiDbContext db) =>
        db.Projects.IgnoreQueryFilters()
            .Where(p => ProjectWorkflow.Committed.Contains(p.Status)
                || (p.Status == ProjectStatus.Rejected && db.ProjectDecisions.IgnoreQueryFilters()
                    .Any(d => d.ProjectId == p.Id && d.From == ProjectStatus.Publicity && d.To == ProjectStatus.Rejected)));
}
