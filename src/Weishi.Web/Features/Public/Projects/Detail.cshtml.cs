using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;
using Weishi.Web.Features.Publicity;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Features.Public.Projects;

/// <summary>An approved project for the public: budget, contractor and targets; during publicity anyone may object. A project
/// rejected after its publicity keeps its page, with the reason.</summary>
public sealed class DetailModel(WeishiDbContext db) : PageModel
{
    public Project Project { get; private set; } = null!;
    public ProposalDetails? Details { get; private set; }
    public IReadOnlyList<PerformanceTarget> Targets { get; private set; } = [];
    public PublicityNotice? Notice { get; private set; }
    public IReadOnlyList<Objection> Objections { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>The subdistrict's decision when it rejected the project after publicity, with its reason.</summary>
    public ProjectDecision? Rejection { get; private set; }
    /// <summary>What the resident typed, shown again when the objection is refused.</summary>
    public string? Text { get; private set; }
    public string? Phone { get; private set; }
    public bool CanObject => Project.Status == ProjectStatus.Publicity && Notice is not null && db.Time.GetUtcNow().UtcDateTime < Notice.EndsAtUtc;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostObjectAsync(int id, string? text, string? phone)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanObject) Error = "该项目不在公示期内，不能提出异议";
        else if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 5 || text.Length > 1000) Error = "请填写异议内容（5 到 1000 字）";
        else if (!string.IsNullOrWhiteSpace(phone) && PersonalData.ValidatePhone(phone) is { } phoneError) Error = phoneError;
        if (Error is not null) { Text = text; Phone = phone; return Page(); }
        db.Objections.Add(new Objection
        {
            ProjectId = id, Text = text!.Trim(), LodgedAtUtc = db.Time.GetUtcNow().UtcDateTime,
            ContactMasked = string.IsNullOrWhiteSpace(phone) ? null : PersonalData.MaskPhone(phone),
        });
        await db.SaveChangesAsync();
        TempData["Message"] = "您的异议已提交，社区将在公示期内答复";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var project = await PublicProjects.Announced(db).AsNoTracking().Include(p => p.Region).ThenInclude(r => r!.Parent)
            .Include(p => p.Contractor).Include(p => p.BudgetLines).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id);
        if (project is null) return false;
        Project = project;
        Details = await db.ProposalDetails.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => d.ProjectId == id);
        Targets = await db.PerformanceTargets.IgnoreQueryFilters().AsNoTracking().Where(t => t.ProjectId == id).OrderBy(t => t.Id).ToListAsync();
        Notice = await db.PublicityNotices.IgnoreQueryFilters().AsNoTracking().Where(n => n.ProjectId == id).OrderByDescending(n => n.Id).FirstOrDefaultAsync();
        if (project.Status == ProjectStatus.Rejected)
            Rejection = await db.ProjectDecisions.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.ProjectId == id && d.From == ProjectStatus.Publicity && d.To == ProjectStatus.Rejected)
                .OrderByDescending(d => d.Id).FirstOrDefaultAsync();
        Objections = await db.Objections.IgnoreQueryFilters().AsNoTracking().Where(o => o.ProjectId == id).OrderBy(o => o.Id).ToListAsync();
        return true;
    }
}
