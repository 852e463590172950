using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Acceptance;

public enum AcceptanceResult
{
    Passed = 1,
    PassedAfterRectification = 2,
    Failed = 3,
}

/// <summary>验收: checklist, committee, result and the report file.</summary>
public class AcceptanceRecord : IProjectRecord, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public DateOnly AcceptedOn { get; set; }
    public required string Committee { get; set; }
    public required string Checklist { get; set; }
    public AcceptanceResult Result { get; set; }
    public string? Opinion { get; set; }
    public int? ReportFileId { get; set; }

    /// <summary>Each project's first acceptance among <paramref name="records"/> (earliest date, then the first recorded):
    /// 一次验收通过 means its result is <see cref="AcceptanceResult.Passed"/>, whatever later acceptances decided.
    /// One row per project that has a record; translates on SQLite and PostgreSQL (NOT EXISTS on an earlier record).</summary>
    public static IQueryable<AcceptanceRecord> FirstRecords(IQueryable<AcceptanceRecord> records) =>
        records.Where(a => !records.Any(b => b.ProjectId == a.ProjectId && (b.AcceptedOn < a.AcceptedOn || (b.AcceptedOn == a.AcceptedOn && b.Id < a.Id))));

    public static string ResultName(AcceptanceResult r) => r switch
    {
        AcceptanceResult.Passed => "通过",
        AcceptanceResult.PassedAfterRectification => "整改后通过",
        _ => "不通过",
    };

    public static readonly IReadOnlyDictionary<ProjectType, string[]> Checklists = new Dictionary<ProjectType, string[]>
    {
        [ProjectType.Service] = ["服务场次达到合同要求", "受益人数达到目标", "活动记录与签到完整", "服务对象满意度达标"],
        [ProjectType.Works] = ["工程量与合同一致", "工程质量合格", "竣工资料齐全", "管养责任已落实"],
        [ProjectType.Goods] = ["货物数量与合同一致", "规格质量合格", "发放记录完整"],
    };
}
