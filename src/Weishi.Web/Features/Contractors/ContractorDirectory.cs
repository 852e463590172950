using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors;

/// <summary>One line of the contractor list (page, export and pool share it).</summary>
public sealed record DirectoryRow(
    int Id, string Name, string CreditCode, ContractorType Type, DateOnly? RegisteredOn, int? OrgRatingLevel,
    int FullTimeStaff, int CertifiedSocialWorkers, IReadOnlyList<ProjectCategory> ServiceAreas,
    IReadOnlyList<ProjectCategory> Admitted, int Projects, long SpentFen, YearScore? Latest,
    bool Watched, bool Suspended, string? SanctionReason)
{
    public string Status => Suspended ? "暂停" : Watched ? "重点关注" : "正常";
}

/// <summary>Loads the contractors the user may see with their latest rating, admissions and sanctions.</summary>
public sealed class ContractorDirectory(WeishiDbContext db, ContractorAssessment assessment)
{
    public async Task<List<DirectoryRow>> LoadAsync(CancellationToken ct)
    {
        var today = ChinaDate.Today(db.Time);
        var contractors = await db.Contractors.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        // Counts over all projects on purpose: how much a contractor delivered is part of its public track record.
        var projects = await db.Projects.IgnoreQueryFilters().Where(p => p.ContractorId != null)
            .GroupBy(p => p.ContractorId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var spent = await db.Disbursements.IgnoreQueryFilters().Where(d => d.Project!.ContractorId != null)
            .GroupBy(d => d.Project!.ContractorId!.Value).Select(g => new { Id = g.Key, Sum = g.Sum(d => d.AmountFen) })
            .ToDictionaryAsync(x => x.Id, x => x.Sum, ct);
        var latest = ContractorAssessment.Latest(await assessment.YearScoresAsync(null, ct));
        var admitted = (await db.AdmissionApplications.IgnoreQueryFilters().Where(a => a.Status == ApplicationStatus.Admitted)
                .Select(a => new { a.ContractorId, a.Category }).ToListAsync(ct))
            .ToLookup(a => a.ContractorId, a => a.Category);
        var sanctions = (await db.ContractorSanctions.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
            .Where(s => s.ActiveOn(today)).ToLookup(s => s.ContractorId);
        return contractors.Select(c =>
        {
            var active = sanctions[c.Id].OrderByDescending(s => s.Kind).ToList();
            return new DirectoryRow(c.Id, c.Name, c.CreditCode, c.Type, c.RegisteredOn, c.OrgRatingLevel, c.FullTimeStaff,
                c.CertifiedSocialWorkers, c.Categories, admitted[c.Id].Distinct().Order().ToList(), projects.GetValueOrDefault(c.Id), spent.GetValueOrDefault(c.Id),
                latest.GetValueOrDefault(c.Id), active.Any(s => s.Kind == SanctionKind.Watch),
                active.Any(s => s.Kind == SanctionKind.Suspension), active.FirstOrDefault()?.Reason);
        }).ToList();
    }
}
