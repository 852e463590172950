using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>Records the reviewer's verdicts on a project's comparison: similar-project matches and the approval reason.</summary>
public sealed class ProjectModel(WeishiDbContext db) : PageModel
{
    public Projects.Project Project { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMatchAsync(int id, int similarId, bool confirmed)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!db.Scope.CanWrite(Project.RegionId)) return Forbid();
        if (similarId == id || !await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.Id == similarId))
            return Fail("所选同类项目不存在");
        var match = await db.SimilarMatches.FirstOrDefaultAsync(m => m.ProjectId == id && m.SimilarProjectId == similarId);
        if (match is null) db.SimilarMatches.Add(match = new SimilarMatch { ProjectId = id, SimilarProjectId = similarId });
        match.Confirmed = confirmed;
        match.DecidedBy = db.Scope.UserName;
        match.DecidedAtUtc = db.Time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Message"] = confirmed ? "已确认为同类项目" : "已标记为不同类，今后不再推荐";
        return Redirect($"/Projects/Detail/{id}");
    }

    public async Task<IActionResult> OnPostReasonAsync(int id, string? reason)
    {
        if (!await LoadAsync(id)) return NotFound();
        // The reason is the reviewer's: the subdistrict (or the district), not the community that proposed.
        if (!db.Scope.CanWrite(Project.RegionId) || !(User.IsInRole(AppRoles.SubdistrictOfficer) || User.IsInRole(AppRoles.DistrictAdmin)))
            return Forbid();
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Fail("请填写同意该成本的理由");
        if (reason.Length > 500) return Fail("理由不能超过 500 字");
        db.CostApprovalReasons.Add(new CostApprovalReason { ProjectId = id, Reason = reason, GivenBy = db.Scope.UserName, GivenAtUtc = db.Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        TempData["Message"] = "已记录审核理由";
        return Redirect($"/Projects/Detail/{id}");
    }

    private IActionResult Fail(string message)
    {
        Error = message;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Region).FirstOrDefaultAsync(p => p.Id == id);
        if (project is null) return false;
        Project = project;
        return true;
    }
}
