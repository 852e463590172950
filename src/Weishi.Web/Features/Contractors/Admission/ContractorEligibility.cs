using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors.Admission;

/// <summary>
/// Whether a contractor may be chosen for a project of a category: it must be admitted for that category
/// (an application with status 准入) and not suspended today. Proposal forms call <see cref="RefusalAsync"/>.
/// </summary>
public sealed class ContractorEligibility(WeishiDbContext db, Assessment.ContractorAssessment assessment)
{
    /// <summary>Null when the contractor may be chosen; else why not, in Chinese.</summary>
    public async Task<string?> RefusalAsync(int contractorId, ProjectCategory category, CancellationToken ct = default)
    {
        var contractor = await db.Contractors.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == contractorId).Select(c => new { c.Name }).FirstOrDefaultAsync(ct);
        if (contractor is null) return "所选承接单位不存在";
        var today = ChinaDate.Today(db.Time);
        var suspension = (await db.ContractorSanctions.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.ContractorId == contractorId && s.Kind == SanctionKind.Suspension).ToListAsync(ct))
            .FirstOrDefault(s => s.ActiveOn(today));
        if (suspension is not null)
            return $"承接单位“{contractor.Name}”已被暂停承接项目（{suspension.StartsOn:yyyy-MM-dd} 起，原因：{suspension.Reason}），不能选择";
        var admitted = await db.AdmissionApplications.IgnoreQueryFilters()
            .AnyAsync(a => a.ContractorId == contractorId && a.Category == category && a.Status == ApplicationStatus.Admitted, ct);
        return admitted ? null
            : $"承接单位“{contractor.Name}”未获准承接“{ProjectNames.Category(category)}”类项目，请从准入名录中选择";
    }

    /// <summary>Ids of the contractors that may be chosen for the category today (the pool).</summary>
    public async Task<List<int>> PoolAsync(ProjectCategory category, CancellationToken ct = default)
    {
        var admitted = await db.AdmissionApplications.IgnoreQueryFilters()
            .Where(a => a.Category == category && a.Status == ApplicationStatus.Admitted)
            .Select(a => a.ContractorId).Distinct().ToListAsync(ct);
        var suspended = await SuspendedAsync(ct);
        return admitted.Where(id => !suspended.Contains(id)).ToList();
    }

    /// <summary>Ids of the contractors suspended today (never offered on a proposal form).</summary>
    public async Task<HashSet<int>> SuspendedAsync(CancellationToken ct = default)
    {
        var today = ChinaDate.Today(db.Time);
        return (await db.ContractorSanctions.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.Kind == SanctionKind.Suspension).ToListAsync(ct))
            .Where(s => s.ActiveOn(today)).Select(s => s.ContractorId).ToHashSet();
    }

    public sealed record Choice(int Id, string Name, double? LatestScore, string? Grade, bool Watched);

    /// <summary>The contractors a proposal of the category may name, best rated first, for a drop-down.</summary>
    public async Task<List<Choice>> ChoicesAsync(ProjectCategory category, CancellationToken ct = default)
    {
        var pool = await PoolAsync(category, ct);
        var names = await db.Contractors.IgnoreQueryFilters().AsNoTracking().Where(c => pool.Contains(c.Id))
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var latest = Assessment.ContractorAssessment.Latest(await assessment.YearScoresAsync(null, ct));
        var today = ChinaDate.Today(db.Time);
        var watched = (await db.ContractorSanctions.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.Kind == SanctionKind.Watch && pool.Contains(s.ContractorId)).ToListAsync(ct))
            .Where(s => s.ActiveOn(today)).Select(s => s.ContractorId).ToHashSet();
        return names.Select(n => new Choice(n.Id, n.Name, latest.GetValueOrDefault(n.Id)?.Score, latest.GetValueOrDefault(n.Id)?.Grade, watched.Contains(n.Id)))
            .OrderByDescending(c => c.LatestScore ?? -1).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<AdmissionFacts> FactsAsync(int contractorId, CancellationToken ct = default)
    {
        var c = await db.Contractors.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == contractorId, ct);
        var violations = await db.ContractorViolations.IgnoreQueryFilters()
            .Where(v => v.ContractorId == contractorId).Select(v => v.OccurredOn).ToListAsync(ct);
        var qualifications = await db.ContractorStaff.IgnoreQueryFilters()
            .Where(s => s.ContractorId == contractorId && s.Qualification != null).Select(s => s.Qualification!).ToListAsync(ct);
        return new AdmissionFacts(c.RegisteredOn, c.FullTimeStaff, c.CertifiedSocialWorkers, c.OrgRatingLevel, violations, qualifications);
    }

    public async Task<AdmissionVerdict> EvaluateAsync(int contractorId, ProjectCategory category, CancellationToken ct = default)
    {
        var rules = await db.AdmissionRules.AsNoTracking().ToListAsync(ct);
        var today = ChinaDate.Today(db.Time);
        return AdmissionEvaluator.Evaluate(await FactsAsync(contractorId, ct), rules, category, today);
    }
}
