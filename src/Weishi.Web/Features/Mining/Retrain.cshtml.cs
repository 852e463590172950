using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

/// <summary>The mining models (district and system administrators): for the category model, staff corrections so far
/// and its retrained versions; for the duplicate model, staff merge decisions so far and its retrained versions; with
/// the buttons that retrain each in the background.</summary>
public sealed class RetrainModel(WeishiDbContext db, JobRunner jobs, MiningModelStore models) : PageModel
{
    public int Corrections { get; private set; }
    public IReadOnlyList<ClassifierVersion> Versions { get; private set; } = [];
    public int DuplicatePairs { get; private set; }
    public int NotDuplicatePairs { get; private set; }
    public IReadOnlyList<PairModelVersion> PairVersions { get; private set; } = [];
    /// <summary>The versions later runs use (the newest not retired); null: the shipped model.</summary>
    public int? ClassifierInUse { get; private set; }
    public int? PairModelInUse { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Corrections = await db.CategoryCorrections.IgnoreQueryFilters().Select(c => c.DemandId).Distinct().CountAsync(ct);
        // Without the model bytes: only the figures are shown.
        Versions = await db.ClassifierVersions.AsNoTracking().OrderByDescending(v => v.Id).Take(20)
            .Select(v => new ClassifierVersion
            {
                Id = v.Id, CreatedAtUtc = v.CreatedAtUtc, CreatedByName = v.CreatedByName, CorrectionsUsed = v.CorrectionsUsed,
                HeldOut = v.HeldOut, AccuracyBefore = v.AccuracyBefore, AccuracyAfter = v.AccuracyAfter, Retired = v.Retired, Model = Array.Empty<byte>(),
            }).ToListAsync(ct);
        ClassifierInUse = (await models.ClassifierAsync(db, ct)).VersionId;
        PairModelInUse = (await models.PairModelAsync(db, ct)).VersionId;
        // The latest decision per pair counts.
        var latest = await db.DuplicateDecisions.IgnoreQueryFilters()
            .GroupBy(d => new { d.DemandId, d.OtherDemandId }).Select(g => g.OrderByDescending(d => d.Id).First().IsDuplicate).ToListAsync(ct);
        DuplicatePairs = latest.Count(same => same);
        NotDuplicatePairs = latest.Count - DuplicatePairs;
        PairVersions = await db.PairModelVersions.AsNoTracking().OrderByDescending(v => v.Id).Take(20)
            .Select(v => new PairModelVersion
            {
                Id = v.Id, CreatedAtUtc = v.CreatedAtUtc, CreatedByName = v.CreatedByName, DecisionsUsed = v.DecisionsUsed,
                DuplicatesUsed = v.DuplicatesUsed, HeldOut = v.HeldOut, AgreementBefore = v.AgreementBefore, AgreementAfter = v.AgreementAfter, Retired = v.Retired, Model = Array.Empty<byte>(),
            }).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await jobs.EnqueueAsync(db, RetrainJob.Create(db.Scope.UserId, db.Scope.UserName), ct);
        return Redirect($"/Jobs/Detail/{id}");
    }

    /// <summary>停用 / 恢复使用: a version that did worse than the one before can be taken out of use, and put back.</summary>
    public async Task<IActionResult> OnPostRetireAsync(string? model, int version, bool retire, CancellationToken ct)
    {
        string name;
        if (model == "classifier" && await db.ClassifierVersions.FirstOrDefaultAsync(v => v.Id == version, ct) is { } classifier)
            (name, classifier.Retired) = (nameof(ClassifierVersion), retire);
        else if (model == "duplicates" && await db.PairModelVersions.FirstOrDefaultAsync(v => v.Id == version, ct) is { } pairModel)
            (name, pairModel.Retired) = (nameof(PairModelVersion), retire);
        else return NotFound();
        // Versions are not audited row by row (they hold the model); the change of use is.
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.Time.GetUtcNow().UtcDateTime, UserId = db.Scope.UserId, UserName = db.Scope.UserName, Entity = name,
            EntityId = version.ToString(CultureInfo.InvariantCulture), Action = "Modified",
            Before = retire ? RetiredJson(false) : RetiredJson(true), After = RetiredJson(retire),
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{(model == "classifier" ? "分类模型" : "重复识别模型")}版本 {version} 已{(retire ? "停用" : "恢复使用")}，此后的需求分析使用最新的未停用版本（没有则用系统内置模型）";
        return Redirect("/Mining/Retrain");
    }

    private static string RetiredJson(bool retired) => retired ? """{"Retired":true}""" : """{"Retired":false}""";

    public async Task<IActionResult> OnPostDuplicatesAsync(CancellationToken ct)
    {
        var id = await jobs.EnqueueAsync(db, PairRetrainJob.Create(db.Scope.UserId, db.Scope.UserName), ct);
        return Redirect($"/Jobs/Detail/{id}");
    }
}

/// <summary>A model version's row state on the models page: in use, retired or neither, and the button that changes it.</summary>
public sealed record VersionUse(string Model, int Version, bool Retired, bool InUse);
