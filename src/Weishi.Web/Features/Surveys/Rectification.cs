using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>
/// 整改: opened when a project's survey falls below the district thresholds. The community records its actions, the
/// contractor answers (hence contractor-writable; the page decides which field each role may fill), and next year's
/// proposals of the same community and category show the low items and both texts.
/// </summary>
public class Rectification : IContractorWritable, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int SurveyId { get; set; }
    /// <summary>The low items with their figures, e.g. “总体满意度 均值 3.2”, one per line.</summary>
    public required string LowItems { get; set; }
    public required string Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public string? CommunityActions { get; set; }
    public DateTime? ActionsAtUtc { get; set; }
    public string? ContractorAnswer { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }

    public IEnumerable<string> LowItemLines => LowItems.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    public string State => CommunityActions is null ? "待社区整改" : ContractorAnswer is null ? "待承接单位答复" : "已整改";
}
