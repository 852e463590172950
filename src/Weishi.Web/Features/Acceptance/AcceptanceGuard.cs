using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Acceptance;

/// <summary>A project cannot be 已验收 while an inspection's rectification is still open.</summary>
public static class AcceptanceGuard
{
    public static async Task<string?> RefusalAsync(WeishiDbContext db, int projectId, CancellationToken ct)
    {
        var open = await db.Inspections.IgnoreQueryFilters()
            .CountAsync(i => i.ProjectId == projectId && i.RectificationRequired && i.RectificationClosedAtUtc == null, ct);
        return open == 0 ? null : $"该项目还有 {open} 项整改未完成，不能验收";
    }
}
