using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;

namespace Weishi.Web.Features.Demands;

/// <summary>One need for staff: its details and triage (status with a reason, link to a project).</summary>
public sealed class DetailModel(WeishiDbContext db, FileStore files, TimeProvider time) : PageModel
{
    public static readonly DemandStatus[] Settable =
        [DemandStatus.Accepted, DemandStatus.Merged, DemandStatus.Converted, DemandStatus.Declined, DemandStatus.Referred];

    public Demand Demand { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public DemandStatus NewStatus { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ProjectCode { get; set; }
    /// <summary>When merging: the tracking code of the need this one is merged into.</summary>
    [BindProperty] public string? MergeInto { get; set; }
    public Demand? MergedInto { get; private set; }
    /// <summary>Residents backing this need: itself plus the needs merged into it.</summary>
    public int Support { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPhotoAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Demand.PhotoPath is null || !files.Exists(Demand.PhotoPath)) return NotFound();
        return File(files.OpenRead(Demand.PhotoPath), ImageCheck.ContentType(Demand.PhotoPath));
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanWrite) return Forbid();
        var reason = Reason?.Trim();
        if (!Settable.Contains(NewStatus)) Errors.Add("请选择新的状态");
        if (NewStatus == DemandStatus.Declined && string.IsNullOrEmpty(reason)) Errors.Add("不予采纳时必须写明理由（会告知居民）");
        if (NewStatus == DemandStatus.Referred && string.IsNullOrEmpty(reason)) Errors.Add("转办时必须写明转办的部门");
        if (NewStatus == DemandStatus.Referred && reason is { Length: > Mining.DemandReferral.MaxDepartment }) Errors.Add("转办时说明栏只写承办部门（不超过100字）");
        if (reason is { Length: > 500 }) Errors.Add("说明不能超过 500 字");
        int? projectId = null;
        if (!string.IsNullOrWhiteSpace(ProjectCode))
        {
            // Only projects the user can see, in the need's own community.
            projectId = await db.Projects.Where(p => p.Code == ProjectCode.Trim() && p.RegionId == Demand.RegionId)
                .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (projectId is null) Errors.Add($"本社区没有编号为「{ProjectCode.Trim()}」的项目");
        }
        Demand? survivor = null;
        if (NewStatus == DemandStatus.Merged)
        {
            var code = MergeInto?.Trim().ToUpperInvariant();
            survivor = string.IsNullOrEmpty(code) ? null
                : await db.Demands.FirstOrDefaultAsync(d => d.TrackingCode == code && d.Id != id && d.Status != DemandStatus.Merged, ct);
            if (survivor is null || !db.Scope.CanWrite(survivor.RegionId))
                Errors.Add(string.IsNullOrEmpty(code) ? "合并时请填写保留需求的查询码" : $"找不到可合并进去的需求「{code}」（须是您管辖范围内、未被合并的其他需求）");
        }
        if (NewStatus == DemandStatus.Converted && projectId is null && Errors.Count == 0 && Demand.ProjectId is null)
            Errors.Add("转为项目时请填写项目编号");
        if (Errors.Count > 0) return Page();

        var now = time.GetUtcNow().UtcDateTime;
        if (NewStatus == DemandStatus.Referred && (Demand.Status != DemandStatus.Referred || Demand.StatusReason != reason))
        {
            db.DemandReferrals.Add(Mining.DemandReferral.Refer(Demand, reason!, null, db.Scope.UserId, db.Scope.UserName, now));
        }
        else
        {
            Demand.Status = NewStatus;
            Demand.StatusReason = string.IsNullOrEmpty(reason) ? null : reason;
            Demand.StatusChangedAtUtc = now;
        }
        if (projectId is not null) Demand.ProjectId = projectId;
        Demand.MergedIntoDemandId = survivor?.Id;
        if (survivor is not null)
        {
            foreach (var supporter in await db.Demands.Where(d => d.MergedIntoDemandId == id).ToListAsync(ct)) supporter.MergedIntoDemandId = survivor.Id;
            db.DuplicateDecisions.Add(Mining.DuplicateDecision.Between(Demand, survivor, true, null, db.Scope.UserId, db.Scope.UserName, now));
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已将需求设为“{Demand.StatusName(NewStatus)}”";
        return Redirect($"/Demands/Detail/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var demand = await db.Demands.Include(d => d.Region).Include(d => d.Project).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (demand is null) return false;
        Demand = demand;
        if (demand.MergedIntoDemandId is { } into) MergedInto = await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == into, ct);
        Support = 1 + await db.Demands.IgnoreQueryFilters().CountAsync(d => d.MergedIntoDemandId == demand.Id, ct);
        CanWrite = db.Scope.CanWrite(demand.RegionId);
        return true;
    }
}
