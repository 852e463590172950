using Weishi.Web.Features.Projects;

namespace Weishi.Web.Features.Proposals;

/// <summary>The indicator templates a proposal's targets are chosen from, one set per project type.</summary>
public static class IndicatorTemplates
{
    public sealed record Template(TargetDimension Dimension, string Indicator, string Unit, decimal Suggested);

    public static IReadOnlyList<Template> For(ProjectType type) => type switch
    {
        ProjectType.Works =>
        [
            new(TargetDimension.Quantity, "完成改造面积", "平方米", 100),
            new(TargetDimension.Quality, "验收合格率", "%", 100),
            new(TargetDimension.Timeliness, "按期完工率", "%", 100),
            new(TargetDimension.Cost, "单位面积造价", "元/平方米", 300),
            new(TargetDimension.Outcome, "受益居民人数", "人", 500),
            new(TargetDimension.Satisfaction, "居民满意度", "%", 90),
        ],
        ProjectType.Goods =>
        [
            new(TargetDimension.Quantity, "配置物品数量", "件", 50),
            new(TargetDimension.Quality, "物品合格率", "%", 100),
            new(TargetDimension.Timeliness, "按期配置率", "%", 100),
            new(TargetDimension.Cost, "单件成本", "元/件", 500),
            new(TargetDimension.Outcome, "受益居民人数", "人", 300),
            new(TargetDimension.Satisfaction, "居民满意度", "%", 90),
        ],
        _ =>
        [
            new(TargetDimension.Quantity, "开展活动场次", "场", 12),
            new(TargetDimension.Quality, "活动签到记录完整率", "%", 100),
            new(TargetDimension.Timeliness, "按计划完成率", "%", 100),
            new(TargetDimension.Cost, "人均服务成本", "元/人次", 50),
            new(TargetDimension.Outcome, "服务人次", "人次", 600),
            new(TargetDimension.Satisfaction, "服务对象满意度", "%", 90),
        ],
    };
}
