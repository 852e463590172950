using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>
/// 组卷: the community picks the targeted questions of its project's survey from the district bank; the core questions
/// are always asked. The template for the project's type, category and name is suggested. Fixed once answers come in.
/// </summary>
public sealed class ComposeModel(WeishiDbContext db) : PageModel
{
    public string ProjectName { get; private set; } = "";
    public ProjectType Type { get; private set; }
    public ProjectCategory Category { get; private set; }
    public List<SurveyQuestion> Bank { get; private set; } = [];
    public HashSet<int> Chosen { get; private set; } = [];
    public bool Answered { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public List<int> QuestionIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var load = await LoadAsync(id);
        if (load is not null) return load;
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == id);
        var stored = survey is null ? [] : await db.SurveyItems.Where(i => i.SurveyId == survey.Id).Select(i => i.QuestionId).ToListAsync();
        // A survey not composed yet starts from the template of its type, category and name.
        Chosen = stored.Count > 0 ? [.. stored] : [.. Bank.Where(q => q.AppliesTo(Type, Category, ProjectName)).Select(q => q.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var load = await LoadAsync(id);
        if (load is not null) return load;
        var ct = HttpContext.RequestAborted;
        Chosen = [.. QuestionIds];
        if (Answered) Errors.Add("已有答卷，问卷题目不能再修改");
        var known = Bank.Select(q => q.Id).ToHashSet();
        if (QuestionIds.Any(q => !known.Contains(q))) Errors.Add("所选题目不在题库中或已停用");
        if (Errors.Count > 0) return Page();

        var survey = await SurveyOpening.EnsureOpenAsync(db, id, ct);
        var existing = await db.SurveyItems.Where(i => i.SurveyId == survey.Id).ToListAsync(ct);
        db.SurveyItems.RemoveRange(existing.Where(i => !Chosen.Contains(i.QuestionId)));
        foreach (var q in Chosen.Where(q => existing.All(i => i.QuestionId != q)))
            db.SurveyItems.Add(new SurveyItem { SurveyId = survey.Id, ProjectId = id, QuestionId = q });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"问卷已保存：核心题 {CoreQuestions.Seed.Length} 道，针对性题目 {Chosen.Count} 道";
        return RedirectToPage("Project", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Name, p.Type, p.Category, p.RegionId }).FirstOrDefaultAsync();
        if (project is null) return NotFound();
        if (!db.Scope.CanWrite(project.RegionId)) return Forbid();
        (ProjectName, Type, Category) = (project.Name, project.Type, project.Category);
        Bank = await db.SurveyQuestions.AsNoTracking().Where(q => !q.IsCore && q.Active).OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync();
        Answered = await db.SurveyResponses.AnyAsync(r => r.ProjectId == id);
        return null;
    }
}
