using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demands;

/// <summary>A community's population in one segment (age band, resident type, group, or the total), as staff know it.</summary>
public class CommunityPopulation : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    /// <summary>A <see cref="Segment"/> key such as "age:From60", "type:Migrant", "group:Elderly" or "total".</summary>
    public required string Segment { get; set; }
    public int Population { get; set; }
}

public sealed class CommunityPopulationConfiguration : IEntityTypeConfiguration<CommunityPopulation>
{
    public void Configure(EntityTypeBuilder<CommunityPopulation> b)
    {
        b.HasIndex(p => new { p.RegionId, p.Segment }).IsUnique();
        b.Property(p => p.Segment).HasMaxLength(40);
        b.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The segments the coverage page compares; each has a key, a dimension and a Chinese name.</summary>
public sealed record Segment(string Key, string Dimension, string Name)
{
    public const string Total = "total";
    public const string AgeDimension = "年龄段";
    public const string TypeDimension = "居民类型";
    public const string GroupDimension = "群体";

    public static readonly IReadOnlyList<Segment> All =
    [
        .. Enum.GetValues<AgeBand>().Select(a => new Segment("age:" + a, AgeDimension, DemandProfile.Name(a))),
        .. Enum.GetValues<ResidentType>().Select(t => new Segment("type:" + t, TypeDimension, DemandProfile.Name(t))),
        .. DemandProfile.SingleGroups.Select(g => new Segment("group:" + g, GroupDimension, DemandProfile.Name(g))),
    ];

    public bool Matches(AgeBand? age, ResidentType? type, ResidentGroups groups) => Dimension switch
    {
        AgeDimension => age is { } a && Key == "age:" + a,
        TypeDimension => type is { } t && Key == "type:" + t,
        _ => DemandProfile.SingleGroups.Any(g => groups.HasFlag(g) && Key == "group:" + g),
    };
}
