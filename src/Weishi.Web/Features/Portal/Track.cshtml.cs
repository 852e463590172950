using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Portal;

/// <summary>What a resident may see of their need with its tracking code: status, the reason, the project it became.</summary>
public sealed class TrackModel(WeishiDbContext db) : PageModel
{
    public sealed record View(string Text, string Community, DateTime SubmittedAtUtc, DateOnly? CollectedOn, DemandStatus Status, string? Reason,
        string? ProjectCode, string? ProjectName);

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
                d.Project == null ? null : d.Project.Code, d.Project == null ? null : d.Project.Name))
            .FirstOrDefaultAsync(ct);
    }
}
