using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demands;

public enum DemandChannel
{
    Portal = 1,
    Visit = 2,
    Meeting = 3,
    Paper = 4,
    Phone = 5,
    Hotline = 6,
}

public enum DemandStatus
{
    Pending = 1,
    Accepted = 2,
    Merged = 3,
    Converted = 4,
    Declined = 5,
    Referred = 6,
}

/// <summary>需求: a need raised by residents through any channel.</summary>
public class Demand : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public required string Text { get; set; }
    public DemandChannel Channel { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public DemandStatus Status { get; set; }
    public string? SubmittedByUserId { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }

    public static string ChannelName(DemandChannel c) => c switch
    {
        DemandChannel.Portal => "居民网上提交",
        DemandChannel.Visit => "入户走访",
        DemandChannel.Meeting => "居民议事会",
        DemandChannel.Paper => "纸质问卷",
        DemandChannel.Phone => "电话",
        _ => "民生诉求系统",
    };

    public static string StatusName(DemandStatus s) => s switch
    {
        DemandStatus.Pending => "待处理",
        DemandStatus.Accepted => "已受理",
        DemandStatus.Merged => "已合并",
        DemandStatus.Converted => "已转为项目",
        DemandStatus.Declined => "不予采纳",
        _ => "已转办",
    };
}
