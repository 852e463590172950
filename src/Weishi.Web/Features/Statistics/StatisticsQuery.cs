using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Statistics;

public sealed record StatCell(int Year, int RegionId, ProjectType Type, ProjectCategory Category, int Projects, int OneOff, long SpentFen);

public sealed record StatRow(string Label, int Projects, long SpentFen)
{
    /// <summary>The 合计 row of a breakdown, summed from the unrounded amounts.</summary>
    public static StatRow Total(IEnumerable<StatRow> rows)
    {
        var list = rows.ToList();
        return new StatRow("合计", list.Sum(r => r.Projects), list.Sum(r => r.SpentFen));
    }
}

/// <summary>Yearly figures of carried-out projects (count and actual spending), within the user's scope.</summary>
public sealed class StatisticsQuery(WeishiDbContext db)
{
    public async Task<ProgrammeStatistics> LoadAsync(CancellationToken ct = default)
    {
        var counts = await db.Projects.AsNoTracking()
            .Where(p => ProjectWorkflow.Implemented.Contains(p.Status))
            .GroupBy(p => new { p.Year, p.RegionId, p.Type, p.Category })
            .Select(g => new { g.Key, Count = g.Count(), OneOff = g.Count(p => p.IsOneOff) })
            .ToListAsync(ct);
        var spent = await db.Disbursements.AsNoTracking()
            .Where(d => ProjectWorkflow.Implemented.Contains(d.Project!.Status))
            .GroupBy(d => new { d.Project!.Year, d.Project.RegionId, d.Project.Type, d.Project.Category })
            .Select(g => new { g.Key, Fen = g.Sum(d => d.AmountFen) })
            .ToListAsync(ct);
        var spentByKey = spent.ToDictionary(s => (s.Key.Year, s.Key.RegionId, s.Key.Type, s.Key.Category), s => s.Fen);
        var cells = counts.Select(c => new StatCell(c.Key.Year, c.Key.RegionId, c.Key.Type, c.Key.Category, c.Count, c.OneOff,
            spentByKey.GetValueOrDefault((c.Key.Year, c.Key.RegionId, c.Key.Type, c.Key.Category)))).ToList();
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        return new ProgrammeStatistics(cells, regions);
    }
}

public sealed class ProgrammeStatistics(IReadOnlyList<StatCell> cells, IReadOnlyDictionary<int, Region> regions)
{
    public IReadOnlyList<int> Years { get; } = cells.Select(c => c.Year).Distinct().Order().ToList();

    public IReadOnlyList<StatRow> ByYear() => cells.GroupBy(c => c.Year).OrderBy(g => g.Key)
        .Select(g => new StatRow(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Sum(c => c.Projects), g.Sum(c => c.SpentFen))).ToList();

    public IReadOnlyList<StatRow> BySubdistrict(int year) => Of(year)
        .GroupBy(c => SubdistrictOf(c.RegionId)).OrderBy(g => g.Key.Code)
        .Select(g => new StatRow(g.Key.Name, g.Sum(c => c.Projects), g.Sum(c => c.SpentFen))).ToList();

    public IReadOnlyList<StatRow> ByCommunity(int year) => Of(year)
        .GroupBy(c => regions[c.RegionId]).OrderBy(g => g.Key.Code)
        .Select(g => new StatRow(g.Key.ShortName, g.Sum(c => c.Projects), g.Sum(c => c.SpentFen))).ToList();

    public IReadOnlyList<StatRow> ByType(int year) => Of(year)
        .GroupBy(c => c.Type).OrderBy(g => g.Key)
        .Select(g => new StatRow(ProjectNames.Type(g.Key), g.Sum(c => c.Projects), g.Sum(c => c.SpentFen))).ToList();

    public IReadOnlyList<StatRow> ByCategory(int year) => Of(year)
        .GroupBy(c => c.Category).OrderBy(g => g.Key)
        .Select(g => new StatRow(ProjectNames.Category(g.Key), g.Sum(c => c.Projects), g.Sum(c => c.SpentFen))).ToList();

    /// <summary>Share of service projects that are one-off (the report finds more than half).</summary>
    public decimal OneOffShareOfServices(int year)
    {
        var services = Of(year).Where(c => c.Type == ProjectType.Service).ToList();
        var total = services.Sum(c => c.Projects);
        return total == 0 ? 0 : (decimal)services.Sum(c => c.OneOff) / total;
    }

    private IEnumerable<StatCell> Of(int year) => cells.Where(c => c.Year == year);

    private Region SubdistrictOf(int regionId)
    {
        var region = regions[regionId];
        return region.Level == RegionLevel.Community && region.ParentId is { } parent ? regions[parent] : region;
    }
}
