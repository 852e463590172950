using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>A duplicate group suggested by a mining run.</summary>
public sealed record SuggestedGroup(int RunId, int Number);

/// <summary>
/// Merges near-duplicate needs into one surviving need. Every original stays (status 已合并, pointing at the survivor)
/// and counts as support for it; needs merged earlier into one of the merged needs move to the survivor too. Each
/// merge is also recorded as staff decisions for the duplicate model (<see cref="DuplicateDecision"/>).
/// </summary>
public sealed class DemandMerger(WeishiDbContext db)
{
    /// <summary>Null on success, else the Chinese reason (nothing is changed).</summary>
    /// <param name="group">The suggested group merged from, if any: its open needs left unticked are recorded as not the
    /// same need as the merged ones.</param>
    public async Task<string?> MergeAsync(int survivorId, IReadOnlyCollection<int> otherIds, SuggestedGroup? group, CancellationToken ct)
    {
        var ids = otherIds.Where(id => id != survivorId).Distinct().ToList();
        if (ids.Count == 0) return "请至少选择一条要合并的重复需求";
        var survivor = await db.Demands.FirstOrDefaultAsync(d => d.Id == survivorId, ct);
        if (survivor is null || !db.Scope.CanWrite(survivor.RegionId)) return "保留的需求不存在或不在您的管辖范围内";
        if (survivor.Status == DemandStatus.Merged) return "保留的需求已被合并到其他需求，请选择另一条";
        var others = await db.Demands.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        if (others.Count != ids.Count || others.Any(d => !db.Scope.CanWrite(d.RegionId))) return "部分需求不存在或不在您的管辖范围内";
        if (others.FirstOrDefault(d => !DemandRules.OpenStatuses.Contains(d.Status)) is { } done)
            return $"需求 {done.TrackingCode} 已是“{Demand.StatusName(done.Status)}”，不能再合并";

        var apart = new List<Demand>();
        if (group is not null)
        {
            var members = await GroupMembersAsync(group, ct);
            if (!members.Contains(survivor.Id) || ids.Any(id => !members.Contains(id))) return "所选需求不都在这一组疑似重复中，请刷新页面后重试";
            apart = await db.Demands.Where(d => members.Contains(d.Id) && d.Id != survivor.Id && !ids.Contains(d.Id)).ToListAsync(ct);
            apart = [.. apart.Where(d => DemandRules.OpenStatuses.Contains(d.Status) && db.Scope.CanWrite(d.RegionId))];
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        List<Demand> one = [survivor, .. others];
        db.DuplicateDecisions.AddRange(DuplicateDecision.AmongEach(one, true, group?.RunId, db.Scope.UserId, db.Scope.UserName, now));
        db.DuplicateDecisions.AddRange(DuplicateDecision.Across(one, apart, group?.RunId, db.Scope.UserId, db.Scope.UserName, now));
        foreach (var d in others)
        {
            d.Status = DemandStatus.Merged;
            d.MergedIntoDemandId = survivor.Id;
            d.StatusReason = $"与需求 {survivor.TrackingCode} 重复，已合并，计为该需求的支持";
            d.StatusChangedAtUtc = now;
        }
        var supporters = await db.Demands.Where(d => d.MergedIntoDemandId != null && ids.Contains(d.MergedIntoDemandId.Value)).ToListAsync(ct);
        foreach (var s in supporters) s.MergedIntoDemandId = survivor.Id;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>不是重复: none of the group's open needs is the same as another; the group is no longer offered for merging.</summary>
    public async Task<string?> MarkNotDuplicateAsync(SuggestedGroup group, CancellationToken ct)
    {
        var members = await GroupMembersAsync(group, ct);
        var open = (await db.Demands.Where(d => members.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct))
            .Where(d => DemandRules.OpenStatuses.Contains(d.Status) && db.Scope.CanWrite(d.RegionId)).ToList();
        if (open.Count < 2) return "这一组已没有两条以上您可处理的待办需求";
        db.DuplicateDecisions.AddRange(DuplicateDecision.AmongEach(open, false, group.RunId, db.Scope.UserId, db.Scope.UserName, db.Time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The needs of a suggested group, from a run the user can see (none otherwise).</summary>
    private Task<List<int>> GroupMembersAsync(SuggestedGroup group, CancellationToken ct) =>
        db.MiningItems.Where(i => i.RunId == group.RunId && i.DuplicateGroup == group.Number).Select(i => i.DemandId).ToListAsync(ct);

    /// <summary>How many residents back a need: itself plus every need merged into it.</summary>
    public static async Task<Dictionary<int, int>> SupportAsync(WeishiDbContext db, IReadOnlyCollection<int> demandIds, CancellationToken ct)
    {
        var merged = await db.Demands.IgnoreQueryFilters()
            .Where(d => d.MergedIntoDemandId != null && demandIds.Contains(d.MergedIntoDemandId.Value))
            .GroupBy(d => d.MergedIntoDemandId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(ct);
        var support = demandIds.Distinct().ToDictionary(id => id, _ => 1);
        foreach (var m in merged) support[m.Id] += m.Count;
        return support;
    }
}
