using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Proposals;

/// <summary>项目申报: a community (or, across communities, a subdistrict) drafts a proposal with budget lines and targets.</summary>
public sealed class CreateModel(WeishiDbContext db, ProposalChecks checks, ProjectTransitions transitions,
    Contractors.Admission.ContractorEligibility eligibility) : ProposalFormModel(db, checks, eligibility)
{
    /// <param name="demand">Needs to link, with <paramref name="name"/>, <paramref name="content"/>, <paramref name="category"/> and
    /// <paramref name="region"/> prefilled.</param>
    /// <param name="run">With <paramref name="topic"/> or <paramref name="group"/>: how 需求分析 turns a topic or a duplicate
    /// group into a proposal; all its open needs are linked, resolved on the server (see <see cref="Mining.MinedNeeds"/>).</param>
    public async Task<IActionResult> OnGetAsync(ProjectType? type, int? copyFrom, int? year,
        int[]? demand = null, string? name = null, string? content = null, ProjectCategory? category = null, int? region = null,
        int? run = null, int? topic = null, int? group = null)
    {
        Input.Year = year ?? ChinaDate.Today(Db.Time).Year + 1;
        Input.Type = type ?? ProjectType.Service;
        if (copyFrom is { } sourceId && !await CopyAsync(sourceId)) return NotFound();
        Mined = Mining.MinedNeeds.From(run, topic, group);
        if (Mined is not null)
            (Input.MinedRun, Input.MinedTopic, Input.MinedGroup) = (Mined.RunId, Mined.Topic, Mined.Group);
        if (demand is { Length: > 0 } || Mined is not null)
        {
            Input.DemandIds = [.. (demand ?? []).Distinct().Take(100)];
            Input.Name = name?.Trim() is { Length: > 0 and <= 120 } n ? n : Input.Name;
            Input.Content = content?.Trim() is { Length: > 0 and <= 2000 } c ? c : Input.Content;
            if (category is { } cat && Enum.IsDefined(cat)) Input.Category = cat;
            if (region is { } r) Input.RegionId = r;
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>The form shown again, nothing saved, with the needs of the applicant now chosen (and matching 查找需求).</summary>
    public async Task<IActionResult> OnPostRefreshAsync()
    {
        Mined = Mining.MinedNeeds.From(Input.MinedRun, Input.MinedTopic, Input.MinedGroup);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? submitAs)
    {
        var ct = HttpContext.RequestAborted;
        var (region, lines, targets) = await ValidateAsync(ct);
        if (Errors.Count > 0)
        {
            await LoadAsync();
            return Page();
        }

        var now = Db.Time.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            Code = await NextCodeAsync(region!, ct),
            Year = Input.Year,
            Name = Input.Name!.Trim(),
            Type = Input.Type,
            Category = Input.Category,
            Content = Input.Content!.Trim(),
            RegionId = region!.Id,
            PlannedBeneficiaries = Input.PlannedBeneficiaries,
            PlannedSessions = Input.PlannedSessions,
            IsOneOff = Input.Type == ProjectType.Service && Input.PlannedSessions <= 1,
            ContractorId = Input.ContractorId,
            Status = ProjectStatus.Draft,
            CreatedAtUtc = now,
            StatusChangedAtUtc = now,
            BudgetLines = lines,
        };
        Db.Projects.Add(project);
        Db.ProposalDetails.Add(new ProposalDetails
        {
            Project = project, TargetGroup = Input.TargetGroup!.Trim(), Place = Input.Place!.Trim(), Schedule = Input.Schedule!.Trim(),
            CopiedFromProjectId = Input.CopiedFrom,
        });
        foreach (var t in targets) { t.Project = project; Db.PerformanceTargets.Add(t); }
        var linked = await LinkDemandsAsync(project, region, ct);
        await Db.SaveChangesAsync(ct);
        var message = $"已保存项目草稿 {project.Code}" + (linked > 0 ? $"，关联居民需求 {linked} 条" : "");
        if (submitAs == "submit")
        {
            var refusal = await transitions.MoveAsync(project.Id, ProjectStatus.Submitted, ct);
            message = refusal is null ? $"项目 {project.Code} 已申报" : message + "；申报未成功：" + refusal;
        }
        TempData["Message"] = message;
        return RedirectToPage("/Projects/Detail", new { id = project.Id });
    }

    private async Task<string> NextCodeAsync(Region region, CancellationToken ct)
    {
        // Same shape as the demo's codes (2023-PS-LL-017).
        var prefix = $"{Input.Year}-PS-{region.ProjectCodePart()}-";
        var taken = await Db.Projects.IgnoreQueryFilters().Where(p => p.Code.StartsWith(prefix)).Select(p => p.Code).ToListAsync(ct);
        var n = taken.Count + 1;
        while (taken.Contains($"{prefix}{n:000}")) n++;
        return $"{prefix}{n:000}";
    }

    private async Task<bool> CopyAsync(int sourceId)
    {
        var source = await Db.Projects.AsNoTracking().Include(p => p.BudgetLines).FirstOrDefaultAsync(p => p.Id == sourceId);
        if (source is null) return false;
        var details = await Db.ProposalDetails.AsNoTracking().FirstOrDefaultAsync(d => d.ProjectId == sourceId);
        var targets = await Db.PerformanceTargets.AsNoTracking().Where(t => t.ProjectId == sourceId).OrderBy(t => t.Id).ToListAsync();
        Input = InputFrom(source, details, targets);
        Input.Year = source.Year + 1;
        Input.CopiedFrom = source.Id;
        return true;
    }
}
