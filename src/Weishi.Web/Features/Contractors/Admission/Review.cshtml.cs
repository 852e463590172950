using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Admission;

/// <summary>The district reviews an application: the rules are evaluated again on today's registry, then it decides.</summary>
public sealed class ReviewModel(WeishiDbContext db, ContractorEligibility eligibility, DocumentStore store) : PageModel
{
    public AdmissionApplication Application { get; private set; } = null!;
    public AdmissionVerdict Current { get; private set; } = null!;
    public bool IsDistrict => db.Scope.Has(AppRole.DistrictAdmin);
    [BindProperty] public ApplicationStatus Decision { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!IsDistrict) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (Application.Status != ApplicationStatus.Submitted) ModelState.AddModelError(nameof(Decision), "该申请已审核");
        if (Decision is not (ApplicationStatus.Admitted or ApplicationStatus.NeedMaterials or ApplicationStatus.Refused))
            ModelState.AddModelError(nameof(Decision), "请选择审核结果");
        if (Decision == ApplicationStatus.Admitted && Current.Decision == AdmissionDecision.Refused && string.IsNullOrWhiteSpace(Note))
            ModelState.AddModelError(nameof(Note), "自动评估为不准入，如仍准入请填写理由");
        if (Decision is ApplicationStatus.NeedMaterials or ApplicationStatus.Refused && string.IsNullOrWhiteSpace(Note))
            ModelState.AddModelError(nameof(Note), "请填写需补充的材料或不准入的理由");
        if (Note?.Length > 500) ModelState.AddModelError(nameof(Note), "审核意见不超过500字");
        if (!ModelState.IsValid) return Page();
        var application = await db.AdmissionApplications.SingleAsync(a => a.Id == id);
        application.Status = Decision;
        application.Evaluated = Current.Decision;
        application.EvaluationReasons = string.Join("\n", Current.Reasons.Concat(Current.Notes));
        application.ReviewNote = Note?.Trim();
        application.ReviewedAtUtc = db.Time.GetUtcNow().UtcDateTime;
        application.ReviewedBy = db.Scope.UserName;
        await db.SaveChangesAsync();
        TempData["Message"] = $"已审核：{Application.Contractor!.Name}（{ProjectNames.Category(application.Category)}）{AdmissionApplication.StatusName(Decision)}";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnGetDocumentAsync(int id, int documentId)
    {
        if (!IsDistrict && db.Scope.ContractorId is null) return Forbid();
        var doc = await db.ApplicationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == id);
        if (doc is null) return NotFound();
        return File(store.Open(doc), doc.ContentType, doc.FileName);
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!IsDistrict && db.Scope.ContractorId is null) return false;
        var a = await db.AdmissionApplications.AsNoTracking().Include(x => x.Contractor).Include(x => x.Documents)
            .FirstOrDefaultAsync(x => x.Id == id);
        if (a is null) return false;
        Application = a;
        Current = await eligibility.EvaluateAsync(a.ContractorId, a.Category, HttpContext.RequestAborted);
        return true;
    }
}
