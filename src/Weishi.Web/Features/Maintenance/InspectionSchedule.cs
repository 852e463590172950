namespace Weishi.Web.Features.Maintenance;

/// <summary>How often each kind of asset must be inspected, and when an asset's next inspection falls due.</summary>
public static class InspectionSchedule
{
    public static int Months(AssetKind kind) => kind switch
    {
        AssetKind.Lighting => 3,
        AssetKind.Surveillance => 3,
        AssetKind.Drainage => 6,
        AssetKind.Facility => 6,
        AssetKind.Equipment => 6,
        _ => 12,
    };

    public static DateOnly NextDue(AssetKind kind, DateOnly completedOn, DateOnly? lastInspection) =>
        (lastInspection ?? completedOn).AddMonths(Months(kind));

    public static bool Overdue(AssetKind kind, DateOnly completedOn, DateOnly? lastInspection, DateOnly today) =>
        NextDue(kind, completedOn, lastInspection) < today;

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
