using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

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

    /// <summary>What the resident types on the tracking page; given to every need, unique.</summary>
    public string? TrackingCode { get; set; }
    /// <summary>The case number in the district's 民生诉求 system; unique where present, so re-imports add nothing.</summary>
    public string? ExternalCaseNumber { get; set; }
    public string? Location { get; set; }
    public string? Category { get; set; }
    /// <summary>Path of the photo inside the file store.</summary>
    public string? PhotoPath { get; set; }
    public string? ContactPhoneEncrypted { get; set; }
    public string? ContactPhoneMasked { get; set; }
    /// <summary>Keyed hash of the contact phone: a resident who verifies that phone sees the need on their page.</summary>
    public string? ContactPhoneHash { get; set; }
    public AgeBand? AgeBand { get; set; }
    public ResidentType? ResidentType { get; set; }
    public ResidentGroups Groups { get; set; }
    /// <summary>The day staff met the resident (visit, meeting …), when entered by staff.</summary>
    public DateOnly? CollectedOn { get; set; }
    public string? RecordedByUserId { get; set; }
    /// <summary>Why it was declined (shown to the resident) or the department it was referred to.</summary>
    public string? StatusReason { get; set; }
    public DateTime? StatusChangedAtUtc { get; set; }
    /// <summary>When <see cref="DemandStatus.Merged"/>: the need it was merged into, which it now counts as support for.</summary>
    public int? MergedIntoDemandId { get; set; }

    /// <summary>When the need was raised, as shown: only the day when staff entered only a day (the stored time is made up).</summary>
    public static string When(DateOnly? collectedOn, DateTime submittedAtUtc) =>
        collectedOn is { } on ? Display.Date(on) : Display.Time(submittedAtUtc);

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
