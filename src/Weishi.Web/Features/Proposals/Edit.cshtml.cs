using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Proposals;

/// <summary>修改草稿: the staff who may write for the project's region edit a saved draft with the form and rules of 项目申报.
/// Year and applicant stay (the project code is made of them). The state machine has no "returned" status, so only
/// 草稿 is editable.</summary>
public sealed class EditModel(WeishiDbContext db, ProposalChecks checks, ProjectTransitions transitions,
    Contractors.Admission.ContractorEligibility eligibility) : ProposalFormModel(db, checks, eligibility)
{
    public override bool Editing => true;
    public Project Project { get; private set; } = null!;
    /// <summary>Why the project cannot be edited (it is no draft any more); the form is not shown then.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id, HttpContext.RequestAborted) is { } refused) return refused;
        if (Refusal is null)
        {
            var details = await Db.ProposalDetails.AsNoTracking().FirstOrDefaultAsync(d => d.ProjectId == id);
            var targets = await Db.PerformanceTargets.AsNoTracking().Where(t => t.ProjectId == id).OrderBy(t => t.Id).ToListAsync();
            Input = InputFrom(Project, details, targets);
            Input.DemandIds = [];
            await LoadFormAsync();
        }
        return Page();
    }

    /// <summary>The form shown again, nothing saved, with the needs matching 查找需求.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(int id)
    {
        if (await FindAsync(id, HttpContext.RequestAborted) is { } refused) return refused;
        if (Refusal is not null) return Page();
        (Input.Year, Input.RegionId, Input.CopiedFrom) = (Project.Year, Project.RegionId, null);
        (Input.MinedRun, Input.MinedTopic, Input.MinedGroup) = (null, null, null);
        await LoadFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? submitAs)
    {
        var ct = HttpContext.RequestAborted;
        if (await FindAsync(id, ct) is { } refused) return refused;
        if (Refusal is not null) return Page();
        // What the project is stays what it was; a mined topic is linked when the proposal is created only.
        (Input.Year, Input.RegionId, Input.CopiedFrom) = (Project.Year, Project.RegionId, null);
        (Input.MinedRun, Input.MinedTopic, Input.MinedGroup) = (null, null, null);
        var (region, lines, targets) = await ValidateAsync(ct);
        if (Errors.Count > 0)
        {
            await LoadFormAsync();
            return Page();
        }

        var project = Project;
        project.Name = Input.Name!.Trim();
        project.Type = Input.Type;
        project.Category = Input.Category;
        project.Content = Input.Content!.Trim();
        project.PlannedBeneficiaries = Input.PlannedBeneficiaries;
        project.PlannedSessions = Input.PlannedSessions;
        project.IsOneOff = Input.Type == ProjectType.Service && Input.PlannedSessions <= 1;
        project.ContractorId = Input.ContractorId;
        Db.BudgetLines.RemoveRange(project.BudgetLines);
        foreach (var line in lines) { line.ProjectId = project.Id; Db.BudgetLines.Add(line); }
        Db.PerformanceTargets.RemoveRange(await Db.PerformanceTargets.Where(t => t.ProjectId == id).ToListAsync(ct));
        foreach (var t in targets) { t.ProjectId = project.Id; Db.PerformanceTargets.Add(t); }
        var (group, place, schedule) = (Input.TargetGroup!.Trim(), Input.Place!.Trim(), Input.Schedule!.Trim());
        if (await Db.ProposalDetails.FirstOrDefaultAsync(d => d.ProjectId == id, ct) is { } details)
            (details.TargetGroup, details.Place, details.Schedule) = (group, place, schedule);
        else
            Db.ProposalDetails.Add(new ProposalDetails { ProjectId = id, TargetGroup = group, Place = place, Schedule = schedule });
        var linked = await LinkDemandsAsync(project, region!, ct);
        await Db.SaveChangesAsync(ct);
        var message = $"已保存草稿 {project.Code} 的修改" + (linked > 0 ? $"，新关联居民需求 {linked} 条" : "");
        if (submitAs == "submit")
        {
            var refusal = await transitions.MoveAsync(project.Id, ProjectStatus.Submitted, ct);
            message = refusal is null ? $"项目 {project.Code} 已申报" : message + "；申报未成功：" + refusal;
        }
        TempData["Message"] = message;
        return RedirectToPage("/Projects/Detail", new { id });
    }

    private async Task LoadFormAsync()
    {
        await LoadAsync();
        Regions = Regions.Where(r => r.Id == Project.RegionId).ToList();
    }

    /// <summary>Null when the project was found and may be written (then <see cref="Refusal"/> says whether it is still a draft).</summary>
    private async Task<IActionResult?> FindAsync(int id, CancellationToken ct)
    {
        // The scope filter hides other communities' projects: they are not found.
        var project = await Db.Projects.Include(p => p.BudgetLines).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return NotFound();
        if (!Db.Scope.CanWrite(project.RegionId)) return Forbid();
        Project = project;
        if (project.Status != ProjectStatus.Draft)
            Refusal = $"项目处于“{ProjectWorkflow.Name(project.Status)}”，只有草稿可以修改";
        return null;
    }
}
