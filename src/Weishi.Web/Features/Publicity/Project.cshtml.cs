using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Publicity;

/// <summary>A project's publicity: residents' objections and their answers, and the subdistrict's approval.</summary>
public sealed class ProjectModel(WeishiDbContext db, ProjectTransitions transitions) : PageModel
{
    public Project Project { get; private set; } = null!;
    public PublicityNotice? Notice { get; private set; }
    public IReadOnlyList<Objection> Objections { get; private set; } = [];
    /// <summary>The subdistrict's approvals (decisions 公示中 → 实施中) with their opinions.</summary>
    public IReadOnlyList<ProjectDecision> Approvals { get; private set; } = [];
    /// <summary>The approval step: its opinion is required and named by the workflow.</summary>
    public ProjectWorkflow.Step ApprovalStep => ProjectWorkflow.Find(ProjectStatus.Publicity, ProjectStatus.InProgress)!;
    public bool CanApprove => db.Scope.Has(AppRole.SubdistrictOfficer) || db.Scope.Has(AppRole.DistrictAdmin);
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(int id, int objectionId, string? answer)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!db.Scope.CanWrite(Project.RegionId)) return Forbid();
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == objectionId && o.ProjectId == id);
        if (objection is null) return NotFound();
        if (string.IsNullOrWhiteSpace(answer) || answer.Length > 1000) { Error = "请填写答复（不超过1000字）"; return Page(); }
        objection.Answer = answer.Trim();
        objection.AnsweredAtUtc = db.Time.GetUtcNow().UtcDateTime;
        objection.AnsweredBy = db.Scope.UserName;
        await db.SaveChangesAsync();
        TempData["Message"] = "已答复异议";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, string? comment)
    {
        // The opinion's rules (required, at most 500 字) are the step's, checked by MoveAsync.
        Error = await transitions.MoveAsync(id, ProjectStatus.InProgress, comment);
        if (Error is null)
        {
            TempData["Message"] = "已审批通过，项目进入实施";
            return RedirectToPage("/Projects/Detail", new { id });
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Region).Include(p => p.Contractor).FirstOrDefaultAsync(p => p.Id == id);
        if (project is null) return false;
        Project = project;
        Notice = await db.PublicityNotices.AsNoTracking().Where(n => n.ProjectId == id).OrderByDescending(n => n.Id).FirstOrDefaultAsync();
        Objections = await db.Objections.AsNoTracking().Where(o => o.ProjectId == id).OrderBy(o => o.Id).ToListAsync();
        Approvals = await db.ProjectDecisions.AsNoTracking().Where(d => d.ProjectId == id).Where(ProjectDecision.IsApproval)
            .OrderBy(d => d.Id).ToListAsync();
        return true;
    }
}
