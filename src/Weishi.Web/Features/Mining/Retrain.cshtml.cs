using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

/// <summary>The category model: staff corrections so far, retrained versions with their held-out accuracy, and the
/// button that retrains in the background (district and system administrators).</summary>
public sealed class RetrainModel(WeishiDbContext db, JobRunner jobs) : PageModel
{
    public int Corrections { get; private set; }
    public IReadOnlyList<ClassifierVersion> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Corrections = await db.CategoryCorrections.IgnoreQueryFilters().Select(c => c.DemandId).Distinct().CountAsync(ct);
        // Without the model bytes: only the figures are shown.
        Versions = await db.ClassifierVersions.AsNoTracking().OrderByDescending(v => v.Id).Take(20)
            .Select(v => new ClassifierVersion
            {
                Id = v.Id, CreatedAtUtc = v.CreatedAtUtc, CreatedByName = v.CreatedByName, CorrectionsUsed = v.CorrectionsUsed,
                HeldOut = v.HeldOut, AccuracyBefore = v.AccuracyBefore, AccuracyAfter = v.AccuracyAfter, Model = Array.Empty<byte>(),
            }).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await jobs.EnqueueAsync(db, RetrainJob.Create(db.Scope.UserId, db.Scope.UserName), ct);
        return Redirect($"/Jobs/Detail/{id}");
    }
}
