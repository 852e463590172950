using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Beneficiaries;

public sealed record ProjectBeneficiaries(int Planned, int Unique, int Sessions, int Attendances, int NewParticipants)
{
    public decimal PerSession => Sessions == 0 ? 0 : Math.Round((decimal)Attendances / Sessions, 1);
    public decimal NewShare => Unique == 0 ? 0 : (decimal)NewParticipants / Unique;
    public bool ShortOfTarget => Unique < Planned;
}

public sealed record FrequentParticipant(string Name, string? PhoneMasked, int Projects, int Attendances);

/// <summary>Who a project or a community really reached: unique people, repeats and newcomers.</summary>
public sealed class BeneficiaryQuery(WeishiDbContext db)
{
    /// <summary>
    /// Attendances the user may read, filtered on the copied RegionId instead of the generic filter's join to Projects,
    /// so that per community-year aggregates read one index. Contractors (no regions) see none here.
    /// </summary>
    public static IQueryable<Delivery.Attendance> Visible(WeishiDbContext db)
    {
        var all = db.Attendances.IgnoreQueryFilters();
        if (db.Scope.ReadAll) return all;
        var regions = db.Scope.RegionIds;
        return all.Where(a => regions.Contains(a.RegionId));
    }

    public async Task<ProjectBeneficiaries> ForProjectAsync(Project project, CancellationToken ct = default)
    {
        var id = project.Id;
        // Held sessions only: one scheduled ahead (open for QR sign-in later) is not yet held.
        var sessions = await db.ActivitySessions.Where(ActivitySession.HeldBy(ChinaDate.Today(db.Time))).CountAsync(s => s.ProjectId == id, ct);
        var attendances = await db.Attendances.CountAsync(a => a.ProjectId == id, ct);
        var firstHere = db.Attendances.Where(a => a.ProjectId == id)
            .GroupBy(a => a.ParticipantId).Select(g => new { ParticipantId = g.Key, First = g.Min(a => a.Session!.HeldOn) });
        var unique = await firstHere.CountAsync(ct);
        // New: never attended another project's session before their first session here (counted across the district).
        var returning = await firstHere.CountAsync(h => db.Attendances.IgnoreQueryFilters()
            .Any(o => o.ParticipantId == h.ParticipantId && o.ProjectId != id && o.Session!.HeldOn < h.First), ct);
        return new ProjectBeneficiaries(project.PlannedBeneficiaries, unique, sessions, attendances, unique - returning);
    }

    /// <summary>People served by at least <paramref name="minProjects"/> projects of a community in a year.</summary>
    public async Task<List<FrequentParticipant>> FrequentAsync(int regionId, int year, int minProjects = 3, CancellationToken ct = default)
    {
        var top = await Visible(db).AsNoTracking().Where(a => a.RegionId == regionId && a.Year == year)
            .GroupBy(a => a.ParticipantId)
            .Select(g => new { ParticipantId = g.Key, Projects = g.Select(a => a.ProjectId).Distinct().Count(), Times = g.Count() })
            .Where(x => x.Projects >= minProjects)
            .OrderByDescending(x => x.Projects).ThenByDescending(x => x.Times).Take(30).ToListAsync(ct);
        var ids = top.Select(t => t.ParticipantId).ToList();
        var people = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return top.Select(t => new FrequentParticipant(people[t.ParticipantId].Name, people[t.ParticipantId].PhoneMasked, t.Projects, t.Times)).ToList();
    }

    public sealed record ProjectReach(int Id, string Code, string Name, int Planned, int Unique);

    /// <summary>Service projects of a community-year with their unique participants against the target.</summary>
    public async Task<List<ProjectReach>> ReachAsync(int regionId, int year, CancellationToken ct = default)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId && p.Year == year && p.Type == ProjectType.Service)
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.PlannedBeneficiaries }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var unique = await UniquePerProjectAsync(db.Attendances, ids, ct);
        return projects.Select(p => new ProjectReach(p.Id, p.Code, p.Name, p.PlannedBeneficiaries, unique.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>Unique participants of each of the projects, per project through the (ProjectId, ParticipantId) index:
    /// no temporary B-tree over a community-year.</summary>
    public static Task<Dictionary<int, int>> UniquePerProjectAsync(IQueryable<Delivery.Attendance> attendances, List<int> projectIds, CancellationToken ct) =>
        attendances.AsNoTracking().Where(a => projectIds.Contains(a.ProjectId))
            .GroupBy(a => a.ProjectId).Select(g => new { g.Key, Count = g.Select(a => a.ParticipantId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public static readonly (string Name, int MinAge, int MaxAge)[] AgeGroups =
        [("儿童青少年（18 岁以下）", 0, 17), ("青年（18–44 岁）", 18, 44), ("中年（45–59 岁）", 45, 59), ("长者（60 岁及以上）", 60, 200)];

    /// <summary>Participants per age group (from the birth year of those who gave an ID number) in a community-year.</summary>
    public async Task<Dictionary<string, int>> AgeGroupsAsync(int regionId, int year, CancellationToken ct = default)
    {
        var births = await Visible(db).AsNoTracking().Where(a => a.RegionId == regionId && a.Year == year)
            .Select(a => new { a.ParticipantId, a.Participant!.BirthYear }).Distinct()
            .GroupBy(x => x.BirthYear).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var result = AgeGroups.ToDictionary(g => g.Name, _ => 0);
        result["年龄未知"] = 0;
        foreach (var b in births)
        {
            if (b.Key is not { } born) { result["年龄未知"] += b.Count; continue; }
            var age = year - born;
            var group = AgeGroups.FirstOrDefault(g => age >= g.MinAge && age <= g.MaxAge);
            if (group.Name is not null) result[group.Name] += b.Count;
        }
        return result;
    }

    public const string ResidentTypeUnknown = "未填写";

    /// <summary>
    /// Participants per resident type (户籍/常住/来深建设者, as they said at sign-in) in a community-year; a type with
    /// nobody is a group never reached. Those who did not say are counted apart.
    /// </summary>
    public async Task<Dictionary<string, int>> ResidentTypesAsync(int regionId, int year, CancellationToken ct = default)
    {
        var counts = await Visible(db).AsNoTracking().Where(a => a.RegionId == regionId && a.Year == year)
            .Select(a => new { a.ParticipantId, a.Participant!.ResidentType }).Distinct()
            .GroupBy(x => x.ResidentType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var result = Enum.GetValues<Demands.ResidentType>().ToDictionary(Demands.DemandProfile.Name, _ => 0);
        result[ResidentTypeUnknown] = 0;
        foreach (var c in counts) result[c.Key is { } type ? Demands.DemandProfile.Name(type) : ResidentTypeUnknown] += c.Count;
        return result;
    }
}
