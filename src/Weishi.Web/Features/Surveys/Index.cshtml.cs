using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Surveys;

/// <summary>Survey results per project, contractor, category, community or year, with charts and Excel export.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string By { get; set; } = "community";
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public List<int> Years { get; private set; } = [];
    public List<SurveyGroup> Groups { get; private set; } = [];
    public SurveyGroup Total { get; private set; } = null!;
    public List<CommentTopic> Topics { get; private set; } = [];
    public string DimensionName => SurveyOverview.Dimensions.FirstOrDefault(d => d.Key == By).Name ?? "社区";

    public async Task OnGetAsync()
    {
        var projects = await LoadAsync();
        Groups = SurveyOverview.Group(projects, By);
        Total = SurveyOverview.Group(projects, "all").FirstOrDefault()
            ?? new SurveyGroup("合计", 0, 0, null, null, null, 0, 0, new int[5]);
        if (Year is not null)
        {
            var ids = projects.Select(p => p.ProjectId).ToList();
            var comments = await db.SurveyResponses.AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.Comment != null)
                .OrderBy(r => r.Id).Select(r => r.Comment).Take(2000).ToListAsync();
            Topics = CommentTopics.Group(comments);
        }
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var groups = SurveyOverview.Group(await LoadAsync(), By);
        var stream = await SurveyExport.GroupsAsync(DimensionName, groups, HttpContext.RequestAborted);
        return File(stream, ExcelFile.ContentType, $"满意度测评-按{DimensionName}.xlsx");
    }

    private async Task<List<ProjectSurveySummary>> LoadAsync()
    {
        if (SurveyOverview.Dimensions.All(d => d.Key != By)) By = "community";
        Years = await db.Projects.Where(p => db.Surveys.Any(s => s.ProjectId == p.Id)).Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync();
        return await SurveyOverview.LoadAsync(db, Year, acrossScopes: false, HttpContext.RequestAborted);
    }
}
