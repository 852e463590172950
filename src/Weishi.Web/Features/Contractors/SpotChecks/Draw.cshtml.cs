using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors.SpotChecks;

/// <summary>One draw: assign inspectors, record results (they feed the assessment), re-draw to verify.</summary>
public sealed class DrawModel(WeishiDbContext db, SpotCheckService service) : PageModel
{
    public sealed record ItemRow(int Id, int ProjectId, string Code, string ProjectName, string? Contractor, int? ContractorId, string Stratum,
        string? Inspector, int? Score, string? Findings, DateOnly? CheckedOn);

    public SpotCheckDraw Draw { get; private set; } = null!;
    public List<ItemRow> Items { get; private set; } = [];
    public int CandidateCount { get; private set; }
    public bool? RedrawMatches { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetVerifyAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var again = await service.RedrawAsync(Draw, HttpContext.RequestAborted);
        RedrawMatches = again.Order().SequenceEqual(Items.Select(i => i.ProjectId).Order());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int itemId, string? inspector, int? score, string? findings, DateOnly? checkedOn)
    {
        if (!await LoadAsync(id)) return NotFound();
        RegistryForm.TranslateBindingErrors(ModelState);
        var today = ChinaDate.Today(db.Time);
        if (inspector?.Trim().Length > 60) ModelState.AddModelError("inspector", "检查人员不超过60字");
        if (score is < 0 or > 100) ModelState.AddModelError("score", "抽查得分应在 0 至 100 之间");
        if (score is not null && string.IsNullOrWhiteSpace(inspector)) ModelState.AddModelError("inspector", "录入结果前请先指定检查人员");
        if (checkedOn is { } on && on > today) ModelState.AddModelError("checkedOn", "检查日期不能晚于今天");
        if (findings?.Length > 1000) ModelState.AddModelError("findings", "检查发现不超过1000字");
        if (!ModelState.IsValid) return Page();
        var item = await db.SpotCheckItems.FirstOrDefaultAsync(i => i.Id == itemId && i.DrawId == id);
        if (item is null) return NotFound();
        item.Inspector = string.IsNullOrWhiteSpace(inspector) ? null : inspector.Trim();
        item.Score = score;
        item.Findings = string.IsNullOrWhiteSpace(findings) ? null : findings.Trim();
        item.CheckedOn = score is null ? checkedOn : checkedOn ?? today;
        await db.SaveChangesAsync();
        TempData["Message"] = score is null ? "已指派检查人员" : "已录入抽查结果，计入承接单位考核";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return false;
        var draw = await db.SpotCheckDraws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);
        if (draw is null) return false;
        Draw = draw;
        CandidateCount = draw.CandidateIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Length;
        Items = await db.SpotCheckItems.AsNoTracking().Where(i => i.DrawId == id).OrderBy(i => i.Stratum).ThenBy(i => i.ProjectId)
            .Select(i => new ItemRow(i.Id, i.ProjectId, i.Project!.Code, i.Project.Name, i.Project.Contractor!.Name, i.Project.ContractorId,
                i.Stratum, i.Inspector, i.Score, i.Findings, i.CheckedOn))
            .ToListAsync();
        return true;
    }
}
