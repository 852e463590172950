using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Maintenance;

/// <summary>巡查周期: months between inspections per asset kind; staff read them, the DistrictAdmin sets them.</summary>
public sealed class SchedulesModel(WeishiDbContext db) : PageModel
{
    public InspectionSchedule.Intervals Schedule { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool CanEdit => User.IsInRole(AppRoles.DistrictAdmin);

    public async Task OnGetAsync() => Schedule = await InspectionSchedule.LoadAsync(db, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(AssetKind kind, string? months)
    {
        if (!CanEdit) return Forbid();
        if (!Enum.IsDefined(kind)) return await FailAsync("请选择设施类别");
        if (!int.TryParse(months?.Trim(), out var m) || m < InspectionSchedule.MinMonths || m > InspectionSchedule.MaxMonths)
            return await FailAsync($"巡查周期须为 {InspectionSchedule.MinMonths}–{InspectionSchedule.MaxMonths} 之间的整数（月）");
        var row = await db.InspectionIntervals.FirstOrDefaultAsync(i => i.Kind == kind);
        if (row is null) db.InspectionIntervals.Add(row = new InspectionInterval { Kind = kind });
        row.Months = m;
        await db.SaveChangesAsync();
        TempData["Message"] = $"{AssetNames.Kind(kind)}的巡查周期已改为每 {m} 个月";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string message)
    {
        Error = message;
        await OnGetAsync();
        return Page();
    }
}
