using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Projects;

public sealed class DetailModel(WeishiDbContext db, ProjectTransitions transitions) : PageModel
{
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<Demand> Demands { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public IReadOnlyList<AuditChanges.Change>? Changes(AuditEntry entry) => AuditChanges.Of(entry, db.Model, _references);
    private AuditReferences? _references;
    public IReadOnlyList<ProjectWorkflow.Step> NextSteps { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>Every status change with its reason, newest first.</summary>
    public IReadOnlyList<ProjectDecision> Decisions { get; private set; } = [];
    /// <summary>The decision that brought the project to its current status, when it carries a reason.</summary>
    public ProjectDecision? CurrentReason => Decisions.FirstOrDefault() is { Reason: not null } d && d.To == Project.Status ? d : null;
    /// <summary>The step and reason of a refused move, shown again in its form.</summary>
    public (ProjectStatus To, string? Reason)? Refused { get; private set; }

    public long BudgetFen => Project.BudgetLines.Sum(l => l.AmountFen);
    public long SpentFen => Project.Disbursements.Sum(d => d.AmountFen);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, ProjectStatus to, string? reason)
    {
        var error = await transitions.MoveAsync(id, to, reason, HttpContext.RequestAborted);
        if (error is null)
        {
            TempData["Message"] = $"项目状态已变更为“{ProjectWorkflow.Name(to)}”";
            return RedirectToPage(new { id });
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id)) return NotFound();
        Error = error;
        Refused = (to, reason);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var project = await db.Projects.AsNoTracking()
            .Include(p => p.Region).ThenInclude(r => r!.Parent)
            .Include(p => p.Contractor)
            .Include(p => p.BudgetLines)
            .Include(p => p.Disbursements)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return false;
        Project = project;
        Demands = await db.Demands.AsNoTracking().Where(d => d.ProjectId == id).OrderBy(d => d.SubmittedAtUtc).ToListAsync(ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Projects.Project) && a.EntityId == key)
            .OrderByDescending(a => a.Id).Take(50).ToListAsync(ct);
        Decisions = await db.ProjectDecisions.AsNoTracking().Where(d => d.ProjectId == id).OrderByDescending(d => d.Id).Take(50).ToListAsync(ct);
        _references = await AuditReferences.LoadAsync(db, History, HttpContext.RequestServices, ct);
        NextSteps = ProjectWorkflow.NextSteps(project, db.Scope);
        return true;
    }
}
