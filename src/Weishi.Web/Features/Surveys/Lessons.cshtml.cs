using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>
/// The “second half” of the survey: the proposal form loads this fragment (htmx) to show last year's low items and the
/// actions taken for projects of the same community and category.
/// </summary>
public sealed class LessonsModel(WeishiDbContext db) : PageModel
{
    public sealed record Lesson(string Project, string Contractor, Rectification Rectification);

    public int LastYear { get; private set; }
    public List<Lesson> Lessons { get; private set; } = [];

    // Named like the proposal form's fields, which htmx sends as they are.
    [BindProperty(SupportsGet = true, Name = "Input.RegionId")] public int RegionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "Input.Category")] public ProjectCategory Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "Input.Year")] public int Year { get; set; }

    public async Task OnGetAsync()
    {
        var (regionId, category, year) = (RegionId, Category, Year);
        LastYear = year - 1;
        Lessons = await db.Rectifications.AsNoTracking()
            .Where(r => r.Project!.RegionId == regionId && r.Project.Category == category && r.Project.Year == year - 1)
            .OrderBy(r => r.Id)
            .Select(r => new Lesson(r.Project!.Name, r.Project.Contractor != null ? r.Project.Contractor.Name : "", r)).ToListAsync();
    }
}
