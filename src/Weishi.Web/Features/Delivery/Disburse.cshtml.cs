using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Delivery;

/// <summary>Registers a disbursement by stage with its voucher, within the project's and the community's limits.</summary>
public sealed class DisburseModel(WeishiDbContext db, DisbursementGuard guard) : PageModel
{
    [BindProperty] public DateOnly? PaidOn { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public string? VoucherNo { get; set; }
    public Project Project { get; private set; } = null!;
    public string? Error { get; private set; }
    /// <summary>China's today: the latest day the date picker offers for what has already happened.</summary>
    public DateOnly Today => ChinaDate.Today(db.Time);
    /// <summary>The contract's signing, the earliest day a payment may carry (<see cref="DisbursementGuard"/>); null without a contract.</summary>
    public DateOnly? SignedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var (fen, moneyError) = Money.ParseYuan(Amount);
        Error = moneyError ?? (PaidOn is null ? "请填写拨付日期" : null)
            ?? await guard.PayAsync(id, PaidOn!.Value, fen!.Value, Stage ?? "", VoucherNo ?? "", HttpContext.RequestAborted);
        if (Error is not null) return Page();
        TempData["Message"] = $"已登记拨付 {Money.Yuan(fen!.Value)} 元";
        return RedirectToPage("Index", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        if (!DeliveryAccess.Manages(db.Scope, project)) return Forbid();
        Project = project;
        SignedOn = await db.Contracts.IgnoreQueryFilters().Where(c => c.ProjectId == id).Select(c => (DateOnly?)c.SignedOn)
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        return null;
    }
}
