using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors;

/// <summary>A contractor's profile with its history: ratings over time, projects, violations, watch list and suspensions.</summary>
public sealed class DetailModel(WeishiDbContext db, ContractorAssessment assessment) : PageModel
{
    public sealed record ProjectRow(int Id, string Code, string Name, int Year, ProjectCategory Category, ProjectStatus Status, long BudgetFen, long SpentFen);

    public sealed class ViolationInput
    {
        public DateOnly? OccurredOn { get; set; }
        public string? Description { get; set; }
        public string? Penalty { get; set; }
    }

    public sealed class SanctionInput
    {
        public SanctionKind Kind { get; set; } = SanctionKind.Watch;
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Reason { get; set; }
    }

    public Contractor Contractor { get; private set; } = null!;
    public List<ProjectRow> Projects { get; private set; } = [];
    public Dictionary<int, ProjectScore> ProjectScores { get; private set; } = [];
    public List<YearScore> Years { get; private set; } = [];
    public SanctionPolicy Policy { get; private set; } = new();
    public List<AdmissionApplication> Applications { get; private set; } = [];
    public List<ContractorChangeRequest> Changes { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsDistrict => db.Scope.Has(AppRole.DistrictAdmin);
    public bool IsSelf => db.Scope.ContractorId == Contractor.Id;
    [BindProperty] public ViolationInput Violation { get; set; } = new();
    [BindProperty] public SanctionInput Sanction { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostViolationAsync(int id)
    {
        if (!IsDistrict) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        RegistryForm.TranslateBindingErrors(ModelState);
        if (Violation.OccurredOn is not { } on) ModelState.AddModelError("Violation.OccurredOn", "请填写违规日期");
        else if (on > Today) ModelState.AddModelError("Violation.OccurredOn", "违规日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(Violation.Description)) ModelState.AddModelError("Violation.Description", "请填写违规情况");
        else if (Violation.Description.Length > 500) ModelState.AddModelError("Violation.Description", "违规情况不超过500字");
        if (Violation.Penalty?.Length > 200) ModelState.AddModelError("Violation.Penalty", "处罚不超过200字");
        if (!ModelState.IsValid) return Page();
        db.ContractorViolations.Add(new ContractorViolation
        {
            ContractorId = id, OccurredOn = Violation.OccurredOn!.Value, Description = Violation.Description!.Trim(),
            Penalty = Violation.Penalty?.Trim(), RecordedAtUtc = db.Time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        TempData["Message"] = "已记录违规及处罚";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSanctionAsync(int id)
    {
        if (!IsDistrict) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        RegistryForm.TranslateBindingErrors(ModelState);
        var starts = Sanction.StartsOn ?? Today;
        if (!Enum.IsDefined(Sanction.Kind)) ModelState.AddModelError("Sanction.Kind", "请选择重点关注或暂停");
        if (string.IsNullOrWhiteSpace(Sanction.Reason)) ModelState.AddModelError("Sanction.Reason", "请填写原因");
        else if (Sanction.Reason.Trim().Length > ContractorSanction.TypedReasonMaxLength)
            ModelState.AddModelError("Sanction.Reason", $"原因不超过{ContractorSanction.TypedReasonMaxLength}字");
        if (Sanction.EndsOn is { } ends && ends < starts) ModelState.AddModelError("Sanction.EndsOn", "结束日期不能早于开始日期");
        if (!ModelState.IsValid) return Page();
        db.ContractorSanctions.Add(new ContractorSanction
        {
            ContractorId = id, Kind = Sanction.Kind, StartsOn = starts, EndsOn = Sanction.EndsOn,
            Reason = Sanction.Reason!.Trim(), CreatedBy = db.Scope.UserName,
        });
        await db.SaveChangesAsync();
        TempData["Message"] = $"已将该单位列入{ContractorSanction.KindName(Sanction.Kind)}";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLiftAsync(int id, int sanctionId)
    {
        if (!IsDistrict) return Forbid();
        var s = await db.ContractorSanctions.FirstOrDefaultAsync(x => x.Id == sanctionId && x.ContractorId == id);
        if (s is null) return NotFound();
        s.LiftedOn = ChinaDate.Today(db.Time);
        await db.SaveChangesAsync();
        TempData["Message"] = $"已解除{ContractorSanction.KindName(s.Kind)}";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        Today = ChinaDate.Today(db.Time);
        var c = await db.Contractors.AsNoTracking().AsSplitQuery()
            .Include(x => x.Staff).Include(x => x.Violations).Include(x => x.DeclaredProjects).Include(x => x.Sanctions)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Contractor = c;
        Projects = await db.Projects.AsNoTracking().Where(p => p.ContractorId == id)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Code)
            .Select(p => new ProjectRow(p.Id, p.Code, p.Name, p.Year, p.Category, p.Status,
                p.BudgetLines.Sum(l => l.AmountFen), p.Disbursements.Sum(d => d.AmountFen)))
            .ToListAsync(ct);
        var scores = await assessment.ProjectScoresAsync(id, ct);
        ProjectScores = scores.ToDictionary(s => s.Project.ProjectId);
        Years = ContractorAssessment.ByYear(scores);
        Policy = await SanctionProposer.LoadPolicyAsync(db, ct);
        Applications = await db.AdmissionApplications.AsNoTracking().Where(a => a.ContractorId == id)
            .OrderByDescending(a => a.SubmittedAtUtc).ToListAsync(ct);
        Changes = await db.ContractorChangeRequests.AsNoTracking().Where(r => r.ContractorId == id)
            .OrderByDescending(r => r.RequestedAtUtc).Take(20).ToListAsync(ct);
        return true;
    }
}
