using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Deviations;

public enum DeviationKind
{
    SessionsBehind = 1,
    ParticipantsBehind = 2,
    SpendingBehind = 3,
    MilestoneOverdue = 4,
    ContentMismatch = 5,
    NoActivity = 6,
}

/// <summary>偏差预警 raised by the daily scan; resolved by the scan once the rule no longer holds.</summary>
public class DeviationFlag : IRegionScoped
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int RegionId { get; set; }
    public DeviationKind Kind { get; set; }
    public required string Message { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }

    public static string KindName(DeviationKind k) => k switch
    {
        DeviationKind.SessionsBehind => "场次滞后",
        DeviationKind.ParticipantsBehind => "受益人数滞后",
        DeviationKind.SpendingBehind => "支出滞后",
        DeviationKind.MilestoneOverdue => "节点逾期",
        DeviationKind.ContentMismatch => "内容与申报不符",
        _ => "长期无活动记录",
    };
}
