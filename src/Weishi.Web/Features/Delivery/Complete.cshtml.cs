using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Delivery;

/// <summary>完工: the checklist of delivery against plan; the step is refused with open rectifications and needs a
/// written explanation when delivery fell short. After the step the page shows the checklist and the explanation.</summary>
public sealed class CompleteModel(WeishiDbContext db, CompletionCheck completion, CompletionGuard guard, ProjectTransitions transitions) : PageModel
{
    [BindProperty] public string? Explanation { get; set; }
    public Project Project { get; private set; } = null!;
    public CompletionChecklist Check { get; private set; } = null!;
    /// <summary>The explanation given when the project was marked 已完工 (the latest completion).</summary>
    public ProjectDecision? Completion { get; private set; }
    public string? Error { get; private set; }
    public bool CanComplete => DeliveryAccess.MayComplete(db.Scope, Project);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id)) return NotFound();
        // The checklist just built for the form is the one the step is checked against: built once per post.
        guard.Use(Check);
        Error = Project.Status != ProjectStatus.InProgress ? "项目实施中才能标记完工"
            : await transitions.MoveAsync(id, ProjectStatus.Completed, Explanation, ct);
        if (Error is null)
        {
            TempData["Message"] = "项目已标记完工";
            return RedirectToPage("/Projects/Detail", new { id });
        }
        // Refused: nothing was saved, so the project, checklist and decision loaded above still hold.
        db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var project = await db.Projects.AsNoTracking().Include(p => p.Region).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return false;
        Project = project;
        Check = await completion.ForAsync(project, ct);
        Completion = await ProjectDecision.LatestToAsync(db, id, ProjectStatus.Completed, ct);
        return true;
    }
}
