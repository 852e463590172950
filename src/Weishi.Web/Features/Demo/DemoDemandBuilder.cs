using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// Residents' needs collected in the autumn before each year. Most come through meetings and visits,
/// few through the portal, and only about a quarter of projects trace back to a need — the report's
/// 供需失衡 finding, present so that the detectors have something to find.
/// </summary>
public sealed class DemoDemandBuilder(Random rng, IReadOnlyList<Region> communities)
{
    private static readonly (DemandChannel Channel, int Weight)[] Channels =
    [
        (DemandChannel.Meeting, 35), (DemandChannel.Visit, 25), (DemandChannel.Paper, 20),
        (DemandChannel.Phone, 8), (DemandChannel.Portal, 7), (DemandChannel.Hotline, 5),
    ];

    private static readonly string[] Openers = ["", "居民反映：", "", "我是本小区居民，", "", "建议："];
    private static readonly string[] Places = ["小区", "花园", "新村", "老村", "片区"];

    public List<Demand> Build(int year, IReadOnlyList<Project> projects, string residentUserId)
    {
        var demands = new List<Demand>();
        var categories = DemoCatalogue.Needs.Keys.ToArray();
        foreach (var community in communities)
        {
            var count = 30 + rng.Next(50);
            var local = new List<(Demand Demand, ProjectCategory Category, string Opener, string Need, string Place)>();
            for (var i = 0; i < count; i++)
            {
                var category = categories[rng.Next(categories.Length)];
                var needs = DemoCatalogue.Needs[category];
                var opener = Openers[rng.Next(Openers.Length)];
                var need = needs[rng.Next(needs.Length)];
                var place = $"。（{community.ShortName}{Places[rng.Next(Places.Length)]}）";
                var demand = new Demand
                {
                    Text = opener + need + place,
                    Channel = PickChannel(),
                    RegionId = community.Id,
                    SubmittedAtUtc = new DateTime(year - 1, 9, 1, 1, 0, 0, DateTimeKind.Utc).AddMinutes(rng.Next(120 * 24 * 60)),
                    Status = PickStatus(),
                    Category = ProjectNames.Category(category),
                };
                local.Add((demand, category, opener, need, place));
            }
            // A project traces back only to needs of its community and category that ask for what it delivers;
            // where too few residents asked in those words, a need of the same category is worded as a request
            // for the project. The random draws are the same as before, so later years' projects stay as they were.
            foreach (var project in projects.Where(p => p.RegionId == community.Id && rng.NextDouble() < 0.25))
            {
                var wanted = 1 + rng.Next(3);
                var free = local.Where(x => x.Category == project.Category && x.Demand.Project is null).ToList();
                var matches = free.Where(x => DemoCatalogue.Fits(x.Need, project.Name))
                    .Concat(free.Where(x => !DemoCatalogue.Fits(x.Need, project.Name))).Take(wanted).ToList();
                foreach (var (demand, _, opener, need, place) in matches)
                {
                    if (!DemoCatalogue.Fits(need, project.Name)) demand.Text = opener + DemoCatalogue.NeedFor(project.Name) + place;
                    demand.Project = project;
                    demand.Status = DemandStatus.Converted;
                }
            }
            demands.AddRange(local.Select(x => x.Demand));
        }
        // The demo resident's own submissions, visible on the resident's home page.
        foreach (var demand in demands.Where(d => d.Channel == DemandChannel.Portal).Take(2))
            demand.SubmittedByUserId = residentUserId;
        return demands;
    }

    private DemandChannel PickChannel()
    {
        var roll = rng.Next(Channels.Sum(c => c.Weight));
        foreach (var (channel, weight) in Channels)
        {
            if (roll < weight) return channel;
            roll -= weight;
        }
        return DemandChannel.Meeting;
    }

    private DemandStatus PickStatus()
    {
        var roll = rng.NextDouble();
        return roll < 0.6 ? DemandStatus.Accepted : roll < 0.75 ? DemandStatus.Declined : roll < 0.85 ? DemandStatus.Referred : DemandStatus.Merged;
    }
}
