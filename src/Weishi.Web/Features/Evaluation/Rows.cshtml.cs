using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.Evaluation;

/// <summary>The rows behind a data metric of an evaluation: one line per project (or budget, or facility) with its figures.</summary>
public sealed class RowsModel(WeishiDbContext db, MetricCalculator metrics) : PageModel
{
    public const int Limit = 1000;

    public sealed record Line(int? ProjectId, string Code, string Name, string Region, int Year, string A, string B, bool Counts);

    public PerformanceEvaluation Evaluation { get; private set; } = null!;
    public MetricDefinition Metric { get; private set; } = null!;
    public string HeaderA { get; private set; } = "";
    public string HeaderB { get; private set; } = "";
    public List<Line> Lines { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? metric, CancellationToken ct)
    {
        var evaluation = await db.Set<PerformanceEvaluation>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null || DataMetrics.Find(metric) is not { } definition) return NotFound();
        if (definition.Code == DataMetrics.UnitCostDispersion) return Redirect("/CostBenchmarking");
        Evaluation = evaluation;
        Metric = definition;
        var scope = evaluation.ToScope();
        var regions = await metrics.RegionsOfAsync(scope, ct);
        var all = metrics.ProjectsIn(scope, regions);
        var implemented = metrics.ImplementedIn(scope, regions);
        var services = implemented.Where(p => p.Type == ProjectType.Service);
        IQueryable<Project> rows = implemented;
        System.Linq.Expressions.Expression<Func<Project, Line>> select;
        switch (definition.Code)
        {
            case DataMetrics.BudgetExecution:
            case DataMetrics.FundsInPlace:
                (HeaderA, HeaderB) = definition.Code == DataMetrics.BudgetExecution ? ("项目预算（元）", "实际支出（元）") : ("合同金额（元）", "已拨付（元）");
                rows = definition.Code == DataMetrics.BudgetExecution ? all : all.Where(p => ProjectWorkflow.Finished.Contains(p.Status));
                var money = await rows.OrderBy(p => p.Code).Take(Limit).Select(p => new
                {
                    p.Id, p.Code, p.Name, Region = p.Region!.ShortName, p.Year,
                    A = definition.Code == DataMetrics.BudgetExecution ? p.BudgetLines.Sum(l => l.AmountFen) : db.Contracts.Where(c => c.ProjectId == p.Id).Sum(c => c.AmountFen),
                    B = p.Disbursements.Sum(d => d.AmountFen),
                }).ToListAsync(ct);
                Lines = money.Select(m => new Line(m.Id, m.Code, m.Name, m.Region, m.Year, Money.Yuan(m.A), Money.Yuan(m.B), m.B > 0)).ToList();
                Total = await rows.CountAsync(ct);
                return Page();
            case DataMetrics.WorksMaintained:
                (HeaderA, HeaderB) = ("设施", "管养主体");
                var assets = db.Assets.AsNoTracking().Where(a => a.ProjectId != null && all.Any(p => p.Id == a.ProjectId));
                Total = await assets.CountAsync(ct);
                var list = await assets.OrderBy(a => a.Id).Take(Limit).Select(a => new
                {
                    a.ProjectId, a.Project!.Code, Project = a.Project.Name, Region = a.Region!.ShortName, a.Project.Year, a.Name, a.UpkeepBody, a.UpkeepBodyName,
                }).ToListAsync(ct);
                Lines = list.Select(a => new Line(a.ProjectId, a.Code, a.Project, a.Region, a.Year, a.Name,
                    a.UpkeepBody == UpkeepBody.None || string.IsNullOrEmpty(a.UpkeepBodyName) ? "未明确" : $"{AssetNames.Body(a.UpkeepBody)}：{a.UpkeepBodyName}",
                    a.UpkeepBody != UpkeepBody.None && !string.IsNullOrEmpty(a.UpkeepBodyName))).ToList();
                return Page();
            case DataMetrics.Completion:
                (HeaderA, HeaderB) = ("状态", "");
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, ProjectWorkflow.Name(p.Status), "", ProjectWorkflow.Finished.Contains(p.Status));
                break;
            case DataMetrics.OnTime:
                (HeaderA, HeaderB) = ("计划日期已到的里程碑", "按期完成");
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year,
                    db.Milestones.Count(m => m.ProjectId == p.Id && m.PlannedOn <= Today).ToString(),
                    db.Milestones.Count(m => m.ProjectId == p.Id && m.PlannedOn <= Today && m.DoneOn != null && m.DoneOn <= m.PlannedOn).ToString(), true);
                break;
            case DataMetrics.AcceptedFirstTime:
                (HeaderA, HeaderB) = ("验收次数", "一次通过");
                rows = all.Where(p => db.AcceptanceRecords.Any(a => a.ProjectId == p.Id));
                var passedFirst = AcceptanceRecord.FirstRecords(db.AcceptanceRecords).Where(a => a.Result == AcceptanceResult.Passed).Select(a => a.ProjectId);
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year,
                    // 一次通过 (B) is written from Counts after the query, so the first-acceptance test runs once per project.
                    db.AcceptanceRecords.Count(a => a.ProjectId == p.Id).ToString(), "", passedFirst.Contains(p.Id));
                break;
            case DataMetrics.BeneficiariesReached:
            case DataMetrics.Concentration:
                (HeaderA, HeaderB) = ("计划受益人数", "不重复签到人数 / 签到人次");
                rows = services.Where(p => db.ActivitySessions.Any(s => s.ProjectId == p.Id));
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, p.PlannedBeneficiaries.ToString(),
                    db.Attendances.Where(a => a.ProjectId == p.Id).Select(a => a.ParticipantId).Distinct().Count() + " / " + db.Attendances.Count(a => a.ProjectId == p.Id),
                    true);
                break;
            case DataMetrics.SessionsHeld:
                (HeaderA, HeaderB) = ("计划场次", "已开展场次");
                rows = services;
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, p.PlannedSessions.ToString(),
                    db.ActivitySessions.Count(s => s.ProjectId == p.Id).ToString(), db.ActivitySessions.Count(s => s.ProjectId == p.Id) >= p.PlannedSessions);
                break;
            case DataMetrics.InspectionCoverage:
                (HeaderA, HeaderB) = ("检查次数", "");
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, db.Inspections.Count(i => i.ProjectId == p.Id).ToString(), "",
                    db.Inspections.Any(i => i.ProjectId == p.Id));
                break;
            case DataMetrics.DemandLinked:
                (HeaderA, HeaderB) = ("关联需求数", "");
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, db.Demands.Count(d => d.ProjectId == p.Id).ToString(), "",
                    db.Demands.Any(d => d.ProjectId == p.Id));
                break;
            case DataMetrics.RubricScored:
                (HeaderA, HeaderB) = ("评分表份数", "");
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, db.CouncilScoreSheets.Count(s => s.ProjectId == p.Id).ToString(), "",
                    db.CouncilScoreSheets.Any(s => s.ProjectId == p.Id));
                break;
            default: // awareness, satisfaction
                (HeaderA, HeaderB) = ("问卷份数", definition.Code == DataMetrics.Awareness ? "参加前听说过" : "满意（4–5 分）");
                rows = all.Where(p => db.SurveyResponses.Any(r => r.ProjectId == p.Id));
                var awareness = definition.Code == DataMetrics.Awareness;
                select = p => new Line(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year,
                    db.SurveyResponses.Count(r => r.ProjectId == p.Id).ToString(),
                    db.SurveyResponses.Count(r => r.ProjectId == p.Id && (awareness ? r.KnewBefore : r.Overall >= 4)).ToString(), true);
                break;
        }
        Total = await rows.CountAsync(ct);
        Lines = await rows.OrderBy(p => p.Code).Take(Limit).Select(select).ToListAsync(ct);
        if (definition.Code == DataMetrics.AcceptedFirstTime) Lines = Lines.Select(l => l with { B = l.Counts ? "是" : "否" }).ToList();
        return Page();
    }

    private DateOnly Today => DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
}
