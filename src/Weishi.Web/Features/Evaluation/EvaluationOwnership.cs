using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation;

/// <summary>Who owns an evaluation row, for the save check: the self-evaluating community, or null for the district.</summary>
public static class EvaluationOwnership
{
    public static async Task<IReadOnlyList<int?>> OwnersAsync(WeishiDbContext db, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, CancellationToken ct)
    {
        if (entry.Entity is PerformanceEvaluation evaluation)
            return entry.State == EntityState.Modified
                ? [evaluation.OwnerRegionId, (int?)entry.Property(nameof(PerformanceEvaluation.OwnerRegionId)).OriginalValue]
                : [evaluation.OwnerRegionId];
        // A part added together with its (not yet saved) evaluation knows it through the navigation.
        if (entry.References.Select(r => r.CurrentValue).OfType<PerformanceEvaluation>().FirstOrDefault() is { } parent)
            return [parent.OwnerRegionId];
        var id = ((IEvaluationPart)entry.Entity).EvaluationId;
        var owner = await db.Set<PerformanceEvaluation>().IgnoreQueryFilters().Where(e => e.Id == id)
            .Select(e => new { e.OwnerRegionId }).FirstOrDefaultAsync(ct);
        // A row of an evaluation that does not exist belongs to nobody: refused (region 0).
        return [owner is null ? 0 : owner.OwnerRegionId];
    }
}
