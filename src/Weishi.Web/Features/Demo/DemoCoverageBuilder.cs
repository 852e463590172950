using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// Tracking codes and residents' self-descriptions for the demo's needs, and each community's population profile.
/// Skewed as the report describes: older registered residents speak up, 来深建设者 and young families rarely do.
/// Uses its own random sequence so the projects and spending of the demo years stay exactly as they were.
/// </summary>
public static class DemoCoverageBuilder
{
    public static async Task BuildAsync(WeishiDbContext db, CancellationToken ct)
    {
        var rng = new Random(DemoSeeder.Seed + 3);
        var communities = await db.Regions.Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        foreach (var regionId in communities)
        {
            var total = 20_000 + rng.Next(40_000);
            var migrantShare = 0.45 + rng.NextDouble() * 0.2;
            var registeredShare = 0.15 + rng.NextDouble() * 0.1;
            (string Key, int Population)[] profile =
            [
                (Segment.Total, total),
                ("type:" + ResidentType.Registered, (int)(total * registeredShare)),
                ("type:" + ResidentType.Migrant, (int)(total * migrantShare)),
                ("type:" + ResidentType.Permanent, total - (int)(total * registeredShare) - (int)(total * migrantShare)),
                ("age:" + AgeBand.Under18, (int)(total * 0.2)),
                ("age:" + AgeBand.From18To35, (int)(total * 0.38)),
                ("age:" + AgeBand.From36To59, (int)(total * 0.3)),
                ("age:" + AgeBand.From60, total - (int)(total * 0.2) - (int)(total * 0.38) - (int)(total * 0.3)),
                ("group:" + ResidentGroups.Elderly, (int)(total * 0.12)),
                ("group:" + ResidentGroups.FamilyWithChildren, (int)(total * 0.3)),
                ("group:" + ResidentGroups.Disability, (int)(total * 0.02)),
            ];
            db.CommunityPopulations.AddRange(profile.Select(p => new CommunityPopulation { RegionId = regionId, Segment = p.Key, Population = p.Population }));
        }

        var demands = await db.Demands.IgnoreQueryFilters().OrderBy(d => d.Id).ToListAsync(ct);
        foreach (var d in demands)
        {
            d.TrackingCode = Code(rng);
            if (rng.NextDouble() < 0.4) continue;   // many give no self-description
            var roll = rng.NextDouble();
            d.AgeBand = roll < 0.5 ? AgeBand.From60 : roll < 0.8 ? AgeBand.From36To59 : roll < 0.97 ? AgeBand.From18To35 : AgeBand.Under18;
            roll = rng.NextDouble();
            d.ResidentType = roll < 0.6 ? ResidentType.Registered : roll < 0.9 ? ResidentType.Permanent : ResidentType.Migrant;
            if (d.AgeBand == AgeBand.From60 && rng.NextDouble() < 0.7) d.Groups |= ResidentGroups.Elderly;
            if (rng.NextDouble() < 0.1) d.Groups |= ResidentGroups.FamilyWithChildren;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Code(Random rng)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(10, rng, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)]; });
    }
}
