using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Home;

/// <summary>Home of a contractor: only the projects it was contracted for (the query filter sees to that).</summary>
public sealed class ContractorModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, string Community, int Year, ProjectStatus Status, long SpentFen);

    public string ContractorName { get; private set; } = "";
    public IReadOnlyList<Row> Projects { get; private set; } = [];
    public sealed record Rectification(int InspectionId, string ProjectCode, string ProjectName, DateOnly InspectedOn, string Findings,
        DateOnly? DueOn, bool Answered);
    /// <summary>Rectifications the supervisors required and have not closed: the contractor answers each on its inspection's page.</summary>
    public IReadOnlyList<Rectification> OpenRectifications { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        ContractorName = await db.Contractors.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        Projects = await db.Projects.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Code)
            .Select(p => new Row(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, p.Status, p.Disbursements.Sum(d => d.AmountFen)))
            .ToListAsync(ct);
        OpenRectifications = await db.Inspections.AsNoTracking().Where(Inspection.IsRectificationOpen)
            .OrderBy(i => i.RectificationDueOn).ThenBy(i => i.Id)
            .Select(i => new Rectification(i.Id, i.Project!.Code, i.Project.Name, i.InspectedOn, i.Findings, i.RectificationDueOn, i.RespondedAtUtc != null))
            .ToListAsync(ct);
    }
}
