using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors;

/// <summary>The district confirms or returns contractors' changes to key registry fields.</summary>
public sealed class ChangesModel(WeishiDbContext db) : PageModel
{
    public const int NoteMaxLength = 500;

    public List<ContractorChangeRequest> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        Pending = await db.ContractorChangeRequests.AsNoTracking().Include(r => r.Contractor)
            .Where(r => r.Status == ChangeStatus.Pending).OrderBy(r => r.RequestedAtUtc).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int requestId, bool approve, string? note)
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        var ct = HttpContext.RequestAborted;
        var request = await db.ContractorChangeRequests.Include(r => r.Contractor).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return NotFound();
        if (request.Status != ChangeStatus.Pending)
        {
            TempData["Message"] = "该变更已处理";
            return RedirectToPage();
        }
        if (note?.Trim() is { Length: > NoteMaxLength })
        {
            TempData["Error"] = $"意见不超过 {NoteMaxLength} 字，未处理";
            return RedirectToPage();
        }
        if (approve)
        {
            var proposed = KeyFields.FromJson(request.ProposedJson);
            // The registry may have changed since the request (another contractor took the code, …): check again.
            var errors = await proposed.ValidateAsync(db, request.ContractorId, ChinaDate.Today(db.Time), ct);
            if (errors.Count > 0)
            {
                TempData["Error"] = "无法确认：" + string.Join("；", errors.Values);
                return RedirectToPage();
            }
            proposed.ApplyTo(request.Contractor!);
        }
        request.Status = approve ? ChangeStatus.Approved : ChangeStatus.Rejected;
        request.Note = note?.Trim() is { Length: > 0 } n ? n : null;
        request.DecidedAtUtc = db.Time.GetUtcNow().UtcDateTime;
        request.DecidedBy = db.Scope.UserName;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = approve ? $"已确认“{request.Contractor!.Name}”的资料变更" : "已退回该变更";
        return RedirectToPage();
    }
}
