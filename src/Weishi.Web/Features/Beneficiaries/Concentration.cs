using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Beneficiaries;

/// <summary>服务对象固化 in figures: how unevenly attendances are spread over the people who attended.</summary>
public sealed record Concentration(int Participants, int Attendances, decimal Top10Share, decimal Gini)
{
    public static readonly Concentration Empty = new(0, 0, 0, 0);

    /// <summary>
    /// From a histogram (attendances per person → number of such people). Top10Share is the share of all attendances
    /// taken by the ceil(10%) most frequent participants; Gini = 2·Σ i·xᵢ / (n·Σxᵢ) − (n+1)/n over ascending xᵢ.
    /// </summary>
    public static Concentration FromHistogram(IEnumerable<(int Times, int People)> histogram)
    {
        var bins = histogram.Where(b => b.People > 0).OrderBy(b => b.Times).ToList();
        long n = bins.Sum(b => (long)b.People);
        long total = bins.Sum(b => (long)b.Times * b.People);
        if (n == 0 || total == 0) return Empty;

        decimal weighted = 0;
        long rank = 0;
        foreach (var (times, people) in bins)
        {
            // Ranks rank+1 … rank+people all hold `times`.
            weighted += times * (people * (decimal)rank + people * (people + 1m) / 2m);
            rank += people;
        }
        var gini = 2m * weighted / (n * (decimal)total) - (n + 1m) / n;

        var top = (long)Math.Ceiling(n / 10.0);
        long taken = 0;
        foreach (var (times, people) in Enumerable.Reverse(bins))
        {
            if (top == 0) break;
            var k = Math.Min(top, people);
            taken += k * times;
            top -= k;
        }
        return new Concentration((int)n, (int)total, Math.Round((decimal)taken / total, 4), Math.Round(gini, 4));
    }
}

/// <summary>
/// Computes concentration per community for a year with two GROUP BYs in the database; only histograms come back.
/// The district-wide result is kept in memory until an attendance is added (the highest attendance id is its version,
/// read from the primary key) or for ten minutes at most, and cut to the user's scope on the way out: a community's
/// figures depend only on its own attendances, so the cut is exact.
/// </summary>
public sealed class ConcentrationQuery(WeishiDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    public async Task<Dictionary<int, Concentration>> ForYearAsync(int year, CancellationToken ct = default)
    {
        var version = await AttendanceVersionAsync(db, ct);
        var key = (nameof(ConcentrationQuery), year, version);
        if (!cache.TryGetValue(key, out Dictionary<int, Concentration>? all) || all is null)
        {
            all = await ComputeAsync(year, ct);
            cache.Set(key, all, KeptFor);
        }
        var scope = db.Scope;
        return all.Where(kv => scope.CanRead(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>The highest attendance id: attendances are never deleted, so it changes exactly when someone signs in.
    /// Figures computed from attendances are cached under it.</summary>
    public static async Task<long> AttendanceVersionAsync(WeishiDbContext db, CancellationToken ct) =>
        await db.Attendances.IgnoreQueryFilters().MaxAsync(a => (long?)a.Id, ct) ?? 0;

    /// <summary>The district-wide figures straight from the database, not cut to the user's scope: no cache.</summary>
    public async Task<Dictionary<int, Concentration>> ComputeAsync(int year, CancellationToken ct = default)
    {
        var rows = await db.Attendances.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Year == year)
            .GroupBy(a => new { a.RegionId, a.ParticipantId })
            .Select(g => new { g.Key.RegionId, Times = g.Count() })
            .GroupBy(x => new { x.RegionId, x.Times })
            .Select(g => new { g.Key.RegionId, g.Key.Times, People = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.RegionId)
            .ToDictionary(g => g.Key, g => Concentration.FromHistogram(g.Select(r => (r.Times, r.People))));
    }
}
