using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Infrastructure;

/// <summary>A status step taken through the project page's step form, and the decisions the steps stored.</summary>
public static class ProjectSteps
{
    public static Task<HttpResponseMessage> MoveAsync(Browser who, int projectId, ProjectStatus to, string? reason = null)
    {
        var fields = new Dictionary<string, string> { ["to"] = to.ToString() };
        if (reason is not null) fields["reason"] = reason;
        return who.SubmitAsync($"/Projects/Detail/{projectId}", fields, postUrl: $"/Projects/Detail/{projectId}?handler=Move");
    }

    public static async Task<List<ProjectDecision>> DecisionsAsync(WeishiAppFactory factory, int projectId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        return await db.ProjectDecisions.IgnoreQueryFilters().AsNoTracking().Where(d => d.ProjectId == projectId).ToListAsync();
    }
}
