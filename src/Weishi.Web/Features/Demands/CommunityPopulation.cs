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

    /// <summary>No community of the district comes near this; larger figures are typing mistakes.</summary>
    public const int MaxPopulation = 1_000_000;

    /// <summary>
    /// What is wrong with a profile as entered (empty when nothing): figures within bounds, no segment above the total,
    /// and the exclusive dimensions (age bands, resident types) adding up to at most the total. Groups overlap, so only
    /// each one is held to the total.
    /// </summary>
    public static List<string> Problems(IReadOnlyList<(string Key, int? Value)> values)
    {
        var errors = new List<string>();
        if (values.Any(v => v.Value is < 0 or > MaxPopulation)) errors.Add($"人口数应为 0 到 {MaxPopulation} 之间的整数");
        if (values.FirstOrDefault(v => v.Key == Total).Value is not { } total) return errors;
        var entered = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value);
        foreach (var segment in All)
            if (entered.TryGetValue(segment.Key, out var value) && value > total)
                errors.Add($"{segment.Name}人口（{value}）不能超过常住人口总数（{total}）");
        foreach (var dimension in All.Where(s => s.Dimension != GroupDimension).GroupBy(s => s.Dimension))
        {
            var sum = dimension.Sum(s => (long)entered.GetValueOrDefault(s.Key));
            if (sum > total) errors.Add($"各{dimension.Key}人口合计（{sum}）不能超过常住人口总数（{total}）");
        }
        return errors;
    }

    public bool Matches(AgeBand? age, ResidentType? type, ResidentGroups groups) => Dimension switch
    {
        AgeDimension => age is { } a && Key == "age:" + a,
        TypeDimension => type is { } t && Key == "type:" + t,
        _ => DemandProfile.SingleGroups.Any(g => groups.HasFlag(g) && Key == "group:" + g),
    };
}
