using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Inspections;

/// <summary>监督检查 by subdistrict or district staff: the type's checklist, findings, declared-vs-delivered, rectification.</summary>
public sealed class NewModel(WeishiDbContext db) : PageModel
{
    [BindProperty] public DateOnly? InspectedOn { get; set; }
    [BindProperty] public string? Inspector { get; set; }
    [BindProperty] public List<string> Checked { get; set; } = [];
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public bool ContentMatches { get; set; } = true;
    [BindProperty] public bool RectificationRequired { get; set; }
    [BindProperty] public DateOnly? RectificationDueOn { get; set; }
    public Project Project { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    /// <summary>China's today: the latest day the date picker offers for what has already happened.</summary>
    public DateOnly Today => ChinaDate.Today(db.Time);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (InspectedOn is null) Errors.Add("请填写检查日期");
        else if (InspectedOn > Today) Errors.Add("检查日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(Inspector)) Errors.Add("请填写检查人员");
        else if (Inspector.Trim().Length > 80) Errors.Add("检查人员不能超过 80 字");
        if (string.IsNullOrWhiteSpace(Findings)) Errors.Add("请填写检查发现");
        var items = Inspection.Checklists[Project.Type];
        if (Checked.Any(c => !items.Contains(c))) Errors.Add("检查项不属于本类项目的清单");
        if (RectificationRequired && RectificationDueOn is null) Errors.Add("要求整改时请填写整改期限");
        if (RectificationRequired && RectificationDueOn < InspectedOn) Errors.Add("整改期限不能早于检查日期");
        if (Errors.Count > 0) return Page();
        var inspection = new Inspection
        {
            ProjectId = id, InspectedOn = InspectedOn!.Value, Inspector = Inspector!.Trim(), Checklist = string.Join("；", Checked),
            Findings = Findings!.Trim(), ContentMatchesDeclaration = ContentMatches, RectificationRequired = RectificationRequired,
            RectificationDueOn = RectificationRequired ? RectificationDueOn : null,
        };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = RectificationRequired ? "检查已登记，已通知承接单位整改" : "检查已登记";
        return RedirectToPage("Detail", new { id = inspection.Id });
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        if (!DeliveryAccess.Supervises(db.Scope, project)) return Forbid();
        Project = project;
        return null;
    }
}
