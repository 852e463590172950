using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>建议库: the recommendation text per finding type; the DistrictAdmin and the FinanceEvaluator edit it.</summary>
public sealed class LibraryModel(WeishiDbContext db, RecommendationLibrary library) : PageModel
{
    public IReadOnlyList<RecommendationLibrary.Entry> Entries { get; private set; } = [];
    public bool CanEdit => User.IsInRole(AppRoles.DistrictAdmin) || User.IsInRole(AppRoles.FinanceEvaluator);
    public string? Error { get; private set; }
    public string? ErrorType { get; private set; }
    public string? Attempted { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Entries = await library.AllAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(string? type, string? text, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var error = await library.SaveAsync(type, text, db.Scope.UserName, ct);
        if (error is not null) return await FailAsync(type, text, error, ct);
        TempData["Message"] = "建议已保存";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(string? type, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var error = await library.ResetAsync(type, ct);
        if (error is not null) return await FailAsync(type, null, error, ct);
        TempData["Message"] = "已恢复为评价报告中的原文";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string? type, string? text, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Error = error;
        ErrorType = type;
        Attempted = text;
        Entries = await library.AllAsync(ct);
        return Page();
    }
}
