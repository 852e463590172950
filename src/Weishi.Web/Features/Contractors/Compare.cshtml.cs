using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors;

/// <summary>Contractors side by side in one category: unit costs, on-time rate, survey satisfaction, scores.</summary>
public sealed class CompareModel(WeishiDbContext db, ContractorAssessment assessment) : PageModel
{
    public sealed record Row(int Id, string Name, int Projects, long SpentFen, decimal? CostPerBeneficiaryYuan,
        decimal? CostPerBeneficiarySessionYuan, double OnTimeRate, double? Satisfaction, int Answers, double Score)
    {
        public string Grade => ContractorAssessment.Grade(Score);
    }

    [BindProperty(SupportsGet = true)] public ProjectCategory Category { get; set; } = ProjectCategory.Elderly;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public List<int> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var scores = (await assessment.ProjectScoresAsync(null, ct)).Where(s => s.Project.Delivered && s.Project.Category == Category).ToList();
        Years = scores.Select(s => s.Project.Year).Distinct().Order().ToList();
        if (Year is { } y) scores = scores.Where(s => s.Project.Year == y).ToList();
        var projectIds = scores.Select(s => s.Project.ProjectId).ToList();
        // Overall satisfaction (1–5) of every answer sheet of these projects, summed per project in SQL.
        var answers = await db.SurveyResponses.AsNoTracking().Where(r => projectIds.Contains(r.ProjectId))
            .GroupBy(r => r.ProjectId).Select(g => new { g.Key, Sum = g.Sum(r => r.Overall), Count = g.Count() })
            .ToDictionaryAsync(a => a.Key, ct);
        var names = await db.Contractors.AsNoTracking().IgnoreQueryFilters().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Rows = scores.GroupBy(s => s.Project.ContractorId).Select(g =>
        {
            var spent = g.Sum(s => s.Project.SpentFen);
            var beneficiaries = g.Sum(s => (long)s.Project.PlannedBeneficiaries);
            var service = g.Where(s => s.Project.Type == ProjectType.Service).ToList();
            var personSessions = service.Sum(s => (long)s.Project.PlannedBeneficiaries * Math.Max(1, s.Project.PlannedSessions));
            var sheets = g.Select(s => answers.GetValueOrDefault(s.Project.ProjectId)).Where(a => a is not null).ToList();
            var count = sheets.Sum(a => a!.Count);
            return new Row(g.Key, names.GetValueOrDefault(g.Key, "?"), g.Count(), spent,
                beneficiaries > 0 ? Math.Round(spent / 100m / beneficiaries, 2) : null,
                personSessions > 0 ? Math.Round(service.Sum(s => s.Project.SpentFen) / 100m / personSessions, 2) : null,
                g.Count(s => OnTimeInput.DaysLate(s.Project) == 0) / (double)g.Count(),
                count > 0 ? Math.Round(sheets.Sum(a => a!.Sum) / (double)count, 2) : null, count,
                Math.Round(g.Average(s => s.Total), 2));
        }).OrderByDescending(r => r.Score).ToList();
    }
}
