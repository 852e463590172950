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
        return [await db.EvaluationOwnerAsync(((IEvaluationPart)entry.Entity).EvaluationId, ct)];
    }
}
