using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Maintenance;

public enum AssetKind
{
    Lighting = 1,
    Road = 2,
    Drainage = 3,
    Facility = 4,
    Surveillance = 5,
    Greenery = 6,
    Equipment = 7,
    Other = 8,
}

public enum UpkeepBody
{
    None = 0,
    Community = 1,
    PropertyCompany = 2,
    Department = 3,
    Contractor = 4,
}

/// <summary>What a works project (or durable goods) leaves behind, and who keeps it up with what money.</summary>
public class Asset : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    public required string Name { get; set; }
    public AssetKind Kind { get; set; }
    public string? Address { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    public DateOnly CompletedOn { get; set; }
    public long ValueFen { get; set; }
    public int ExpectedLifeYears { get; set; }
    public UpkeepBody UpkeepBody { get; set; }
    public string? UpkeepBodyName { get; set; }
    public long YearlyReserveFen { get; set; }
    /// <summary>Part of the reserve that comes from the programme's own funds, where the district chooses so.</summary>
    public bool ReserveFromProgramme { get; set; }
    public List<AssetRecord> Records { get; set; } = [];

    public bool HasNoBody => UpkeepBody == UpkeepBody.None || string.IsNullOrWhiteSpace(UpkeepBodyName);
    public bool HasNoMoney => YearlyReserveFen <= 0;
}

public enum AssetRecordKind
{
    Inspection = 1,
    Repair = 2,
}

/// <summary>An inspection (with defects found) or a repair (with its cost) of an asset.</summary>
public class AssetRecord : IAudited
{
    public int Id { get; set; }
    public int AssetId { get; set; }
    public Asset? Asset { get; set; }
    public AssetRecordKind Kind { get; set; }
    public DateOnly On { get; set; }
    public string? Defects { get; set; }
    public long CostFen { get; set; }
    public string? RecordedBy { get; set; }
    public List<AssetPhoto> Photos { get; set; } = [];
}

public class AssetPhoto
{
    public int Id { get; set; }
    public int AssetRecordId { get; set; }
    public AssetRecord? Record { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}

public static class AssetNames
{
    public static string Kind(AssetKind k) => k switch
    {
        AssetKind.Lighting => "照明设施",
        AssetKind.Road => "道路铺装",
        AssetKind.Drainage => "排水设施",
        AssetKind.Facility => "公共设施",
        AssetKind.Surveillance => "监控设备",
        AssetKind.Greenery => "绿化景观",
        AssetKind.Equipment => "设备物资",
        _ => "其他",
    };

    public static string Body(UpkeepBody b) => b switch
    {
        UpkeepBody.Community => "社区",
        UpkeepBody.PropertyCompany => "物业公司",
        UpkeepBody.Department => "职能部门",
        UpkeepBody.Contractor => "承接单位",
        _ => "未明确",
    };

    public static string Record(AssetRecordKind k) => k == AssetRecordKind.Inspection ? "巡查" : "维修";
}
