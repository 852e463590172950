using System.Linq.Expressions;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Inspections;

/// <summary>监督检查 / 抽查 by subdistrict or district staff, with the rectification (整改) it may require.</summary>
public class Inspection : IContractorWritable, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public DateOnly InspectedOn { get; set; }
    public required string Inspector { get; set; }
    /// <summary>Checked items of the type's checklist, joined by '；'.</summary>
    public required string Checklist { get; set; }
    public required string Findings { get; set; }
    public bool ContentMatchesDeclaration { get; set; }
    public bool RectificationRequired { get; set; }
    public DateOnly? RectificationDueOn { get; set; }
    public string? ContractorResponse { get; set; }
    public DateTime? RespondedAtUtc { get; set; }
    public DateTime? RectificationClosedAtUtc { get; set; }

    /// <summary>An open rectification: required and not yet closed. The one definition, for queries (acceptance and
    /// completion refused, the contractor's to-do list) and, compiled, for <see cref="RectificationOpen"/>.</summary>
    public static readonly Expression<Func<Inspection, bool>> IsRectificationOpen =
        i => i.RectificationRequired && i.RectificationClosedAtUtc == null;
    private static readonly Func<Inspection, bool> RectificationOpenNow = IsRectificationOpen.Compile();

    public bool RectificationOpen => RectificationOpenNow(this);

    public static readonly IReadOnlyDictionary<ProjectType, string[]> Checklists = new Dictionary<ProjectType, string[]>
    {
        [ProjectType.Service] = ["活动按计划场次开展", "签到表与参与人数相符", "服务内容与申报一致", "专业人员到岗", "活动影像资料齐全"],
        [ProjectType.Works] = ["施工进度符合计划", "工程量与申报一致", "材料质量合格", "现场安全措施到位", "施工影像资料齐全"],
        [ProjectType.Goods] = ["货物数量与申报一致", "货物规格质量合格", "发放登记完整", "受益对象符合申报"],
    };
}
