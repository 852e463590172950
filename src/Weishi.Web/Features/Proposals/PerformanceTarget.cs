using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Proposals;

/// <summary>绩效目标 dimensions, as in 财预〔2020〕10号's output/outcome indicators.</summary>
public enum TargetDimension
{
    Quantity = 1,
    Quality = 2,
    Timeliness = 3,
    Cost = 4,
    Outcome = 5,
    Satisfaction = 6,
}

/// <summary>One declared performance target of a project: an indicator with a target value and its unit.</summary>
public class PerformanceTarget : IAudited, IProjectChild
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public TargetDimension Dimension { get; set; }
    public required string Indicator { get; set; }
    public decimal TargetValue { get; set; }
    public required string Unit { get; set; }

    public static string DimensionName(TargetDimension d) => d switch
    {
        TargetDimension.Quantity => "产出数量",
        TargetDimension.Quality => "产出质量",
        TargetDimension.Timeliness => "产出时效",
        TargetDimension.Cost => "产出成本",
        TargetDimension.Outcome => "效益",
        _ => "满意度",
    };
}
