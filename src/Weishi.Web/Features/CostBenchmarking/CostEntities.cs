using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>
/// Unit-cost norm of one function: median and quartiles over past projects. Year 0 is the pooled norm at the
/// price level of <see cref="PriceYear"/> (the latest data year), the one proposals are compared with after
/// bringing it to the proposal's own year (<see cref="AtPriceLevel"/>); other rows are per data year.
/// </summary>
public class CostNorm : IAudited
{
    public int Id { get; set; }
    public ProjectType Type { get; set; }
    public ProjectCategory Category { get; set; }
    public required string Function { get; set; }
    public UnitMeasure Measure { get; set; }
    public int Year { get; set; }
    public int Count { get; set; }
    public long Q1Fen { get; set; }
    public long MedianFen { get; set; }
    public long Q3Fen { get; set; }
    /// <summary>Set by the DistrictAdmin; replaces the computed median in comparisons.</summary>
    public long? OverrideMedianFen { get; set; }
    public string? OverrideNote { get; set; }
    public DateTime ComputedAtUtc { get; set; }
    /// <summary>The year whose prices the figures (and the override) are in; 0 on rows computed before it was stored.</summary>
    public int PriceYear { get; set; }

    public long EffectiveMedianFen => OverrideMedianFen ?? MedianFen;

    /// <summary>
    /// A copy with every figure brought to <paramref name="year"/>'s prices at the yearly rise. Scaling all values by
    /// one factor scales their quartiles by the same factor, so this equals the norm of the adjusted unit costs.
    /// </summary>
    public CostNorm AtPriceLevel(int year, int risePerMille)
    {
        decimal factor = PriceYear == 0 ? 1m : CostNormService.Adjust(1m, PriceYear, year, risePerMille);
        long Scale(long fen) => (long)Math.Round(fen * factor);
        return new CostNorm
        {
            Id = Id, Type = Type, Category = Category, Function = Function, Measure = Measure, Year = Year, Count = Count,
            Q1Fen = Scale(Q1Fen), MedianFen = Scale(MedianFen), Q3Fen = Scale(Q3Fen),
            OverrideMedianFen = OverrideMedianFen is { } o ? Scale(o) : null, OverrideNote = OverrideNote,
            ComputedAtUtc = ComputedAtUtc, PriceYear = PriceYear == 0 ? 0 : year,
        };
    }
}

/// <summary>The district's price-level adjustment: yearly rate applied to bring old unit costs to today's prices.</summary>
public class CostSetting : IAudited
{
    public int Id { get; set; }
    /// <summary>Yearly price increase in per mille (20 = 2.0%).</summary>
    public int PriceRisePerMille { get; set; }
}

/// <summary>Staff's verdict on a suggested similar project (stored; rejected pairs are not suggested again).</summary>
public class SimilarMatch : IAudited, IProjectChild
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int SimilarProjectId { get; set; }
    public bool Confirmed { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime DecidedAtUtc { get; set; }
}

/// <summary>The reviewer's reason for approving a proposal whose unit cost is flagged.</summary>
public class CostApprovalReason : IAudited, IProjectChild
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public required string Reason { get; set; }
    public string? GivenBy { get; set; }
    public DateTime GivenAtUtc { get; set; }
}
