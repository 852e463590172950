using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Admission;

/// <summary>A contractor applies to be admitted for a category, with supporting documents.</summary>
[RequestSizeLimit(MaxFiles * DocumentStore.MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFiles * DocumentStore.MaxBytes + 1_000_000)]
public sealed class ApplyModel(WeishiDbContext db, ContractorEligibility eligibility, DocumentStore store) : PageModel
{
    public const int MaxFiles = 5;

    [BindProperty] public ProjectCategory? Category { get; set; }
    [BindProperty] public string? Statement { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    public string ContractorName { get; private set; } = "";
    public Dictionary<ProjectCategory, AdmissionVerdict> Preview { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Forbid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Forbid();
        var ct = HttpContext.RequestAborted;
        var contractorId = db.Scope.ContractorId!.Value;
        if (Category is not { } category || !Enum.IsDefined(category)) ModelState.AddModelError(nameof(Category), "请选择申请准入的类别");
        else if (await db.AdmissionApplications.AnyAsync(a => a.ContractorId == contractorId && a.Category == category
                     && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Admitted), ct))
            ModelState.AddModelError(nameof(Category), $"已有“{ProjectNames.Category(category)}”类的待审核申请或已准入，无需重复申请");
        if (Statement?.Length > 1000) ModelState.AddModelError(nameof(Statement), "申请说明不超过1000字");
        if (Files.Count > MaxFiles) ModelState.AddModelError(nameof(Files), $"最多上传 {MaxFiles} 个文件");
        foreach (var file in Files)
            if (await DocumentStore.ValidateAsync(file, ct) is { } fileError) ModelState.AddModelError(nameof(Files), fileError);
        if (!ModelState.IsValid) return Page();

        var verdict = Preview[Category!.Value];
        var application = new AdmissionApplication
        {
            ContractorId = contractorId, Category = Category.Value, Statement = Statement?.Trim(),
            Evaluated = verdict.Decision, EvaluationReasons = string.Join("\n", verdict.Reasons.Concat(verdict.Notes)),
            SubmittedAtUtc = db.Time.GetUtcNow().UtcDateTime,
        };
        foreach (var file in Files) application.Documents.Add(await store.SaveAsync(file, application.SubmittedAtUtc, ct));
        db.AdmissionApplications.Add(application);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已提交“{ProjectNames.Category(application.Category)}”类准入申请，自动评估：{AdmissionVerdict.DecisionName(verdict.Decision)}，等待区主管部门审核";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync()
    {
        if (db.Scope.ContractorId is not { } id) return false;
        ContractorName = await db.Contractors.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync() ?? "";
        foreach (var c in Enum.GetValues<ProjectCategory>()) Preview[c] = await eligibility.EvaluateAsync(id, c, HttpContext.RequestAborted);
        return true;
    }
}
