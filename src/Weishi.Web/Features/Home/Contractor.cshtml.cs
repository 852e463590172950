using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Home;

/// <summary>
/// Home of a contractor: only the projects it was contracted for (the query filter sees to that), a page at a time.
/// By default this year's projects and any earlier one still 实施中 (the work at hand); a year or 全部年度 can be chosen.
/// </summary>
public sealed class ContractorModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, string Community, int Year, ProjectStatus Status, long SpentFen);

    public const int PageSize = 20;
    /// <summary>The <c>year</c> value that lists every year.</summary>
    public const string AllYears = "all";

    /// <summary>Empty for the default (this year and earlier work still under way), a year, or <see cref="AllYears"/>.</summary>
    [FromQuery(Name = "year")] public string? YearFilter { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public int CurrentYear { get; private set; }
    /// <summary>The years the contractor has projects in, newest first, for the filter.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string? Error { get; private set; }

    public string ContractorName { get; private set; } = "";
    public Paged<Row> Projects { get; private set; } = null!;
    public sealed record Rectification(int InspectionId, string ProjectCode, string ProjectName, DateOnly InspectedOn, string Findings,
        DateOnly? DueOn, bool Answered);
    /// <summary>Rectifications the supervisors required and have not closed: the contractor answers each on its inspection's page.</summary>
    public IReadOnlyList<Rectification> OpenRectifications { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        ContractorName = await db.Contractors.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        CurrentYear = ChinaDate.Today(db.Time).Year;
        Years = await db.Projects.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var query = db.Projects.AsNoTracking();
        if (int.TryParse(YearFilter, out var chosen) && Years.Contains(chosen)) query = query.Where(p => p.Year == chosen);
        else if (YearFilter != AllYears)
        {
            if (!string.IsNullOrWhiteSpace(YearFilter)) Error = $"没有 {YearFilter} 年度的项目，已显示默认范围";
            YearFilter = null;
            var year = CurrentYear;
            query = query.Where(p => p.Year == year || (p.Year < year && p.Status == ProjectStatus.InProgress));
        }
        Projects = await Paged<Row>.LoadAsync(query.OrderByDescending(p => p.Year).ThenBy(p => p.Code)
            .Select(p => new Row(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, p.Status, p.Disbursements.Sum(d => d.AmountFen))),
            PageNumber, PageSize, ct);
        OpenRectifications = await db.Inspections.AsNoTracking().Where(Inspection.IsRectificationOpen)
            .OrderBy(i => i.RectificationDueOn).ThenBy(i => i.Id)
            .Select(i => new Rectification(i.Id, i.Project!.Code, i.Project.Name, i.InspectedOn, i.Findings, i.RectificationDueOn, i.RespondedAtUtc != null))
            .ToListAsync(ct);
    }
}
