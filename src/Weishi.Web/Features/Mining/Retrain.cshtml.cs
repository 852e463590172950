using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

/// <summary>The mining models (district and system administrators): for the category model, staff corrections so far
/// and its retrained versions; for the duplicate model, staff merge decisions so far and its retrained versions; with
/// the buttons that retrain each in the background.</summary>
public sealed class RetrainModel(WeishiDbContext db, JobRunner jobs) : PageModel
{
    public int Corrections { get; private set; }
    public IReadOnlyList<ClassifierVersion> Versions { get; private set; } = [];
    public int DuplicatePairs { get; private set; }
    public int NotDuplicatePairs { get; private set; }
    public IReadOnlyList<PairModelVersion> PairVersions { get; private set; } = [];

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
        // The latest decision per pair counts.
        var latest = await db.DuplicateDecisions.IgnoreQueryFilters()
            .GroupBy(d => new { d.DemandId, d.OtherDemandId }).Select(g => g.OrderByDescending(d => d.Id).First().IsDuplicate).ToListAsync(ct);
        DuplicatePairs = latest.Count(same => same);
        NotDuplicatePairs = latest.Count - DuplicatePairs;
        PairVersions = await db.PairModelVersions.AsNoTracking().OrderByDescending(v => v.Id).Take(20)
            .Select(v => new PairModelVersion
            {
                Id = v.Id, CreatedAtUtc = v.CreatedAtUtc, CreatedByName = v.CreatedByName, DecisionsUsed = v.DecisionsUsed,
                DuplicatesUsed = v.DuplicatesUsed, HeldOut = v.HeldOut, AgreementBefore = v.AgreementBefore, AgreementAfter = v.AgreementAfter, Model = Array.Empty<byte>(),
            }).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await jobs.EnqueueAsync(db, RetrainJob.Create(db.Scope.UserId, db.Scope.UserName), ct);
        return Redirect($"/Jobs/Detail/{id}");
    }

    public async Task<IActionResult> OnPostDuplicatesAsync(CancellationToken ct)
    {
        var id = await jobs.EnqueueAsync(db, PairRetrainJob.Create(db.Scope.UserId, db.Scope.UserName), ct);
        return Redirect($"/Jobs/Detail/{id}");
    }
}
