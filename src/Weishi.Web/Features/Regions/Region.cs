using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Regions;

public enum RegionLevel
{
    District = 1,
    Subdistrict = 2,
    Community = 3,
}

/// <summary>An administrative division identified by its national statistics code. Seeded from the official codes;
/// a system administrator may add a community or rename one (<see cref="RegionMaintenance"/>).</summary>
public class Region : IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The name without the 社区居委会 suffix, as people say it (<see cref="ShortNameOf"/>).</summary>
    public required string ShortName { get; set; }
    /// <summary>Pinyin initials used in project codes.</summary>
    public required string Abbr { get; set; }
    public RegionLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Region? Parent { get; set; }
    public List<Region> Children { get; set; } = [];

    public static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.District => "区",
        RegionLevel.Subdistrict => "街道",
        _ => "社区",
    };

    /// <summary>Marks a subdistrict's cross-community projects in their codes (2023-PS-PSX-001), so that a community's
    /// initials may never be a subdistrict's followed by it.</summary>
    public const string CrossCommunityMark = "X";

    /// <summary>The region's part of a project code: a community's initials, a subdistrict's followed by the mark.</summary>
    public string ProjectCodePart() => Level == RegionLevel.Subdistrict ? Abbr + CrossCommunityMark : Abbr;

    /// <summary>The name people say, without the 社区居委会 suffix: made so by the seed and by every rename.</summary>
    public static string ShortNameOf(string name) => name.Replace("社区居委会", "社区", StringComparison.Ordinal);
}
