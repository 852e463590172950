using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Deviations;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Delivery;

/// <summary>实施与监管 of one project: contract and milestones, activities or progress, inspections, acceptance, money, reach.</summary>
public sealed class IndexModel(WeishiDbContext db, BeneficiaryQuery beneficiaries) : PageModel
{
    public sealed record SessionRow(int Id, DateOnly HeldOn, string Place, string Content, int Attendances);

    public Project Project { get; private set; } = null!;
    public Contract? Contract { get; private set; }
    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public IReadOnlyList<ProgressRecord> Progress { get; private set; } = [];
    public ILookup<int, int> ProgressPhotos { get; private set; } = Array.Empty<int>().ToLookup(x => x);
    public IReadOnlyList<Inspection> Inspections { get; private set; } = [];
    public IReadOnlyList<AcceptanceRecord> Acceptances { get; private set; } = [];
    public IReadOnlyList<DeviationFlag> Flags { get; private set; } = [];
    public ProjectBeneficiaries Reach { get; private set; } = null!;
    public long BudgetFen { get; private set; }
    public long PaidFen => Project.Disbursements.Sum(d => d.AmountFen);
    public bool Manages => DeliveryAccess.Manages(db.Scope, Project);
    public bool Delivers => DeliveryAccess.Delivers(db.Scope, Project);
    public bool Supervises => DeliveryAccess.Supervises(db.Scope, Project);
    public bool MayComplete => DeliveryAccess.MayComplete(db.Scope, Project);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Dated today in China, whatever a request claims: the form offers no date, and none may lie ahead.</summary>
    public async Task<IActionResult> OnPostMilestoneDoneAsync(int id, int milestoneId)
    {
        var ct = HttpContext.RequestAborted;
        var milestone = await db.Milestones.Include(m => m.Project).FirstOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == id, ct);
        if (milestone is null) return NotFound();
        if (!DeliveryAccess.Delivers(db.Scope, milestone.Project!)) return Forbid();
        // Only while 实施中, like every other delivery record; a milestone already done keeps the date it was done on.
        if (!DeliveryAccess.Records(milestone.Project!))
            TempData["Error"] = $"项目处于“{ProjectWorkflow.Name(milestone.Project!.Status)}”，只有“实施中”的项目才能标记节点完成";
        else if (milestone.DoneOn is { } done)
            TempData["Error"] = $"节点“{milestone.Name}”已于 {Display.Date(done)} 标记完成";
        else
        {
            milestone.DoneOn = ChinaDate.Today(db.Time);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"节点“{milestone.Name}”已标记完成";
        }
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var project = await db.Projects.AsNoTracking().Include(p => p.Region).Include(p => p.Contractor).Include(p => p.Disbursements)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return false;
        Project = project;
        BudgetFen = await db.BudgetLines.Where(l => l.ProjectId == id).SumAsync(l => l.AmountFen, ct);
        Contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == id, ct);
        Milestones = await db.Milestones.AsNoTracking().Where(m => m.ProjectId == id).OrderBy(m => m.PlannedOn).ToListAsync(ct);
        Sessions = await db.ActivitySessions.AsNoTracking().Where(s => s.ProjectId == id).OrderBy(s => s.HeldOn).ThenBy(s => s.Id)
            .Select(s => new SessionRow(s.Id, s.HeldOn, s.Place, s.Content, s.Attendances.Count)).ToListAsync(ct);
        Progress = await db.ProgressRecords.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.RecordedOn).ToListAsync(ct);
        ProgressPhotos = (await db.EvidenceFiles.AsNoTracking().Where(f => f.ProjectId == id && f.ProgressRecordId != null)
            .OrderBy(f => f.Id).Select(f => new { RecordId = f.ProgressRecordId!.Value, f.Id }).ToListAsync(ct)).ToLookup(f => f.RecordId, f => f.Id);
        Inspections = await db.Inspections.AsNoTracking().Where(i => i.ProjectId == id).OrderByDescending(i => i.InspectedOn).ToListAsync(ct);
        Acceptances = await db.AcceptanceRecords.AsNoTracking().Where(a => a.ProjectId == id).OrderByDescending(a => a.AcceptedOn).ToListAsync(ct);
        Flags = await db.DeviationFlags.AsNoTracking().Where(f => f.ProjectId == id && f.ResolvedOn == null).ToListAsync(ct);
        Reach = await beneficiaries.ForProjectAsync(project, ct);
        return true;
    }
}
