using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Maintenance;

/// <summary>How often assets of one kind must be inspected: data the DistrictAdmin maintains (巡查周期).</summary>
public class InspectionInterval : IAudited
{
    public int Id { get; set; }
    public AssetKind Kind { get; set; }
    public int Months { get; set; }
}

/// <summary>When an asset's next inspection falls due, from the district's intervals per kind.</summary>
public static class InspectionSchedule
{
    public const int MinMonths = 1;
    public const int MaxMonths = 60;

    /// <summary>The intervals the database starts with (seeded by the migration), and the fallback for a missing kind.</summary>
    public static int DefaultMonths(AssetKind kind) => kind switch
    {
        AssetKind.Lighting => 3,
        AssetKind.Surveillance => 3,
        AssetKind.Drainage => 6,
        AssetKind.Facility => 6,
        AssetKind.Equipment => 6,
        _ => 12,
    };

    /// <summary>Months between inspections per kind, as the DistrictAdmin set them.</summary>
    public static async Task<Intervals> LoadAsync(WeishiDbContext db, CancellationToken ct) =>
        new(await db.InspectionIntervals.AsNoTracking().ToDictionaryAsync(i => i.Kind, i => i.Months, ct));

    public sealed class Intervals(IReadOnlyDictionary<AssetKind, int> months)
    {
        public int Months(AssetKind kind) => months.TryGetValue(kind, out var m) ? m : DefaultMonths(kind);

        public DateOnly NextDue(AssetKind kind, DateOnly completedOn, DateOnly? lastInspection) =>
            (lastInspection ?? completedOn).AddMonths(Months(kind));
    }

    /// <summary>A kind guessed from the project's name; staff can correct it.</summary>
    public static AssetKind Guess(string name, bool goods)
    {
        if (goods) return AssetKind.Equipment;
        if (name.Contains("路灯") || name.Contains("照明")) return AssetKind.Lighting;
        if (name.Contains("监控") || name.Contains("摄像")) return AssetKind.Surveillance;
        if (name.Contains("排水") || name.Contains("积水") || name.Contains("管网")) return AssetKind.Drainage;
        if (name.Contains("道路") || name.Contains("路面") || name.Contains("划线") || name.Contains("步道")) return AssetKind.Road;
        if (name.Contains("绿化") || name.Contains("花") || name.Contains("景观")) return AssetKind.Greenery;
        return AssetKind.Facility;
    }

    public static int ExpectedLife(AssetKind kind) => kind switch
    {
        AssetKind.Lighting => 8,
        AssetKind.Surveillance => 6,
        AssetKind.Equipment => 5,
        AssetKind.Road => 10,
        AssetKind.Drainage => 15,
        _ => 10,
    };
}
