using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// The needs a 转为项目申报 link from 需求分析 carries: one topic or one duplicate group of a stored run. The link names
/// the run and the number instead of the needs, so a topic of hundreds of needs fits in a URL and a form, and the needs
/// are resolved on the server through the user's scope (runs and needs are both filtered by WeishiDbContext).
/// </summary>
public sealed record MinedNeeds(int RunId, int? Topic, int? Group)
{
    /// <summary>Null unless exactly one of topic and group is given.</summary>
    public static MinedNeeds? From(int? run, int? topic, int? group) =>
        run is { } r && (topic is null) != (group is null) ? new MinedNeeds(r, topic, group) : null;

    /// <summary>The ids of the run's needs of this topic or group, whatever their status now: a subquery to combine
    /// with a query of db.Demands that keeps to the open ones (and to the user's scope).</summary>
    public IQueryable<int> DemandIds(WeishiDbContext db)
    {
        var items = db.MiningItems.Where(i => i.RunId == RunId);
        items = Topic is { } t ? items.Where(i => i.TopicNumber == t) : items.Where(i => i.DuplicateGroup == Group);
        return items.Select(i => i.DemandId);
    }

    /// <summary>The run's needs of this topic or group that are still open (not merged, declined, referred or linked).</summary>
    public IQueryable<Demand> Open(WeishiDbContext db)
    {
        var ids = DemandIds(db);
        return db.Demands.OpenAndUnlinked().Where(d => ids.Contains(d.Id));
    }
}
