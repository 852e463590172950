using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Portal;

/// <summary>What a resident may see of their need with its tracking code: status, the reason, the project it became.</summary>
public sealed class TrackModel(WeishiDbContext db) : PageModel
{
    public sealed record View(string Text, string Community, DateTime SubmittedAtUtc, DateOnly? CollectedOn, DemandStatus Status, string? Reason,
        int? ProjectId, string? ProjectCode, string? ProjectName, ProjectStatus? ProjectStatus);

    /// <summary>Why the linked project was sent back to the community's review, while it stays there.</summary>
    public string? ReturnReason { get; private set; }

    public string? Code { get; private set; }
    public bool IsNew { get; private set; }
    public View? Found { get; private set; }

    public async Task OnGetAsync(string? code, bool @new, CancellationToken ct)
    {
        Code = code?.Trim().ToUpperInvariant();
        IsNew = @new;
        if (string.IsNullOrEmpty(Code)) return;
        // Deliberately unfiltered: the code itself is the resident's key to this one row.
        Found = await db.Demands.IgnoreQueryFilters().AsNoTracking().Where(d => d.TrackingCode == Code)
            .Select(d => new View(d.Text, d.Region!.ShortName, d.SubmittedAtUtc, d.CollectedOn, d.Status, d.StatusReason,
                d.ProjectId, d.Project == null ? null : d.Project.Code, d.Project == null ? null : d.Project.Name,
                d.Project == null ? null : d.Project.Status))
            .FirstOrDefaultAsync(ct);
        // A rejection's reason reaches the resident through the need's own status reason (see DemandRelease); a project
        // sent back by the subdistrict keeps its needs, so the reason for the return is told here.
        if (Found is { ProjectId: { } projectId, ProjectStatus: Projects.ProjectStatus.CommunityReview })
            ReturnReason = await db.ProjectDecisions.IgnoreQueryFilters().AsNoTracking().Where(x => x.ProjectId == projectId)
                .OrderByDescending(x => x.Id).Take(1)
                .Where(x => x.From == Projects.ProjectStatus.SubdistrictReview && x.To == Projects.ProjectStatus.CommunityReview)
                .Select(x => x.Reason).FirstOrDefaultAsync(ct);
    }
}
