using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Regions;

/// <summary>Loads 坪山区 and its subdistricts and communities from the embedded official codes.</summary>
public static class RegionSeed
{
    public static IReadOnlyList<(string Code, string Name, RegionLevel Level, string ParentCode, string Abbr)> ReadRows()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("Weishi.Web.Features.Regions.Seed.pingshan-divisions.csv")
            ?? throw new InvalidOperationException("缺少区划种子数据");
        using var reader = new StreamReader(stream);
        var rows = new List<(string, string, RegionLevel, string, string)>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            var level = f[2] switch
            {
                "district" => RegionLevel.District,
                "subdistrict" => RegionLevel.Subdistrict,
                _ => RegionLevel.Community,
            };
            rows.Add((f[0], f[1], level, f[3], f[4]));
        }
        return rows;
    }

    public static async Task EnsureAsync(WeishiDbContext db, CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(ct)) return;
        // Reference data from the embedded official codes, not a change anybody made: no audit row per region.
        var suppressed = db.SuppressRowAudit;
        db.SuppressRowAudit = true;
        var byCode = new Dictionary<string, Region>();
        foreach (var (code, name, level, parentCode, abbr) in ReadRows())
        {
            var region = new Region
            {
                Code = code,
                Name = name,
                ShortName = Region.ShortNameOf(name),
                Abbr = abbr,
                Level = level,
                Parent = byCode.GetValueOrDefault(parentCode),
            };
            byCode[code] = region;
            db.Regions.Add(region);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressRowAudit = suppressed;
        }
    }
}
