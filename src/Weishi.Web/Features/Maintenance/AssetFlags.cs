using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Maintenance;

/// <summary>The register's rows with their flags: overdue inspection, no responsible body, no money reserved.</summary>
public static class AssetFlags
{
    public sealed record Row(int Id, string Name, AssetKind Kind, int RegionId, string Community, string? Address, DateOnly CompletedOn,
        long ValueFen, int ExpectedLifeYears, UpkeepBody Body, string? BodyName, long YearlyReserveFen, bool FromProgramme,
        DateOnly? LastInspection, DateOnly NextDue, bool Overdue, bool NoBody, bool NoMoney)
    {
        public bool Flagged => Overdue || NoBody || NoMoney;
    }

    /// <summary>
    /// Assets the user may see (the global filter scopes them), optionally of one community and of the projects of some
    /// years (the findings' upkeep rows count the assets of their period's projects).
    /// </summary>
    public static async Task<List<Row>> LoadAsync(WeishiDbContext db, int? regionId, int? fromYear, int? toYear, CancellationToken ct)
    {
        var today = ChinaDate.Today(db.Time);
        var schedule = await InspectionSchedule.LoadAsync(db, ct);
        var q = db.Assets.AsNoTracking();
        if (regionId is not null) q = q.Where(a => a.RegionId == regionId);
        if (fromYear is { } from) q = q.Where(a => a.Project != null && a.Project.Year >= from);
        if (toYear is { } to) q = q.Where(a => a.Project != null && a.Project.Year <= to);
        var rows = await q.OrderBy(a => a.RegionId).ThenBy(a => a.Name).Select(a => new
        {
            a.Id, a.Name, a.Kind, a.RegionId, Community = a.Region!.ShortName, a.Address, a.CompletedOn, a.ValueFen, a.ExpectedLifeYears,
            a.UpkeepBody, a.UpkeepBodyName, a.YearlyReserveFen, a.ReserveFromProgramme,
            Last = a.Records.Where(r => r.Kind == AssetRecordKind.Inspection).Max(r => (DateOnly?)r.On),
        }).ToListAsync(ct);
        return rows.Select(a =>
        {
            var due = schedule.NextDue(a.Kind, a.CompletedOn, a.Last);
            return new Row(a.Id, a.Name, a.Kind, a.RegionId, a.Community, a.Address, a.CompletedOn, a.ValueFen, a.ExpectedLifeYears,
                a.UpkeepBody, a.UpkeepBodyName, a.YearlyReserveFen, a.ReserveFromProgramme, a.Last, due, due < today,
                a.UpkeepBody == UpkeepBody.None || string.IsNullOrWhiteSpace(a.UpkeepBodyName), a.YearlyReserveFen <= 0);
        }).ToList();
    }
}
