using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Inspections;

/// <summary>An inspection; the contractor answers its rectification, the supervisors close it.</summary>
public sealed class DetailModel(WeishiDbContext db) : PageModel
{
    public Inspection Inspection { get; private set; } = null!;
    public bool CanRespond { get; private set; }
    public bool CanClose { get; private set; }
    public string? Error { get; private set; }
    [BindProperty] public string? Answer { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRespondAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanRespond) return Forbid();
        if (string.IsNullOrWhiteSpace(Answer)) { Error = "请填写整改情况"; return Page(); }
        var row = await db.Inspections.FirstAsync(i => i.Id == id);
        row.ContractorResponse = Answer.Trim();
        row.RespondedAtUtc = db.Time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "整改情况已提交，等待检查人员确认";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanClose) return Forbid();
        if (Inspection.ContractorResponse is null) { Error = "承接单位尚未提交整改情况"; return Page(); }
        var row = await db.Inspections.FirstAsync(i => i.Id == id);
        row.RectificationClosedAtUtc = db.Time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "整改已确认完成";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Project).FirstOrDefaultAsync(i => i.Id == id, HttpContext.RequestAborted);
        if (inspection is null) return false;
        Inspection = inspection;
        CanRespond = inspection.RectificationOpen && DeliveryAccess.Delivers(db.Scope, inspection.Project!);
        CanClose = inspection.RectificationOpen && DeliveryAccess.Supervises(db.Scope, inspection.Project!);
        return true;
    }
}
