using Weishi.Web.Features.Projects;

namespace Weishi.Web.Features.Contractors.SpotChecks;

public sealed record SpotCheckCandidate(int ProjectId, int SubdistrictId, string SubdistrictName, ProjectType Type)
{
    public string Stratum => $"{SubdistrictName}·{ProjectNames.Type(Type)}";
}

/// <summary>
/// A stratified random sample: candidates are grouped by (subdistrict, type); from each group, taken in a fixed
/// order, up to <c>perStratum</c> projects are drawn with a seeded shuffle. Same candidates + same seed → same sample,
/// on any machine (System.Random with a seed is deterministic across platforms and .NET versions).
/// </summary>
public static class SpotCheckSampler
{
    public static List<SpotCheckCandidate> Draw(IEnumerable<SpotCheckCandidate> candidates, int seed, int perStratum)
    {
        var rng = new Random(seed);
        var sample = new List<SpotCheckCandidate>();
        foreach (var stratum in candidates.GroupBy(c => (c.SubdistrictId, c.Type)).OrderBy(g => g.Key.SubdistrictId).ThenBy(g => g.Key.Type))
        {
            var pool = stratum.OrderBy(c => c.ProjectId).ToArray();
            var take = Math.Min(perStratum, pool.Length);
            for (var i = 0; i < take; i++)
            {
                var j = i + rng.Next(pool.Length - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }
            sample.AddRange(pool.Take(take));
        }
        return sample;
    }
}
