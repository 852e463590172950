using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Evaluation;

/// <summary>
/// The rows behind a data metric of an evaluation: one line per project (or facility) with its figures, for the
/// drill-down page (a page at a time) and its Excel export (every row). Sorted in the database by project code then id
/// (facilities by id), so pages never overlap; read through the user's query filters like <see cref="MetricCalculator"/>.
/// </summary>
public sealed class MetricRows
{
    public enum Kind { Text, Count, Money }

    public sealed record Column(string Header, Kind Kind);

    /// <summary>Values hold, as their column says, text, a count (long) or an amount in 分 (long).</summary>
    public sealed record Line(int? ProjectId, string Code, string Name, string Region, int Year, IReadOnlyList<object> Values, bool Counts);

    /// <summary>What the database returns for a line; the slots mean what the metric's <see cref="toLine"/> makes of them.</summary>
    public sealed record Raw(int? ProjectId, string Code, string Name, string Region, int Year, long A, long B, long C, bool Flag, string? Text, string? Text2);

    private readonly IQueryable<Raw> query;
    private readonly Func<Raw, (bool Counts, object[] Values)> toLine;

    private MetricRows(IReadOnlyList<Column> columns, IQueryable<Raw> query, Func<Raw, (bool, object[])> toLine) =>
        (Columns, this.query, this.toLine) = (columns, query, toLine);

    public IReadOnlyList<Column> Columns { get; }

    public async Task<Paged<Line>> PageAsync(int page, int pageSize, CancellationToken ct)
    {
        var raw = await Paged<Raw>.LoadAsync(query, page, pageSize, ct);
        if (raw.Items.Count == 0 && raw.Page > raw.Pages) raw = await Paged<Raw>.LoadAsync(query, raw.Pages, pageSize, ct);
        return new Paged<Line>(raw.Items.Select(ToLine).ToList(), raw.Page, raw.PageSize, raw.Total);
    }

    public async Task<List<Line>> AllAsync(CancellationToken ct) => (await query.ToListAsync(ct)).Select(ToLine).ToList();

    /// <summary>A value as the page shows it.</summary>
    public static string Show(Column column, object value) => column.Kind switch
    {
        Kind.Money => Infrastructure.Money.Money.Yuan((long)value),
        Kind.Count => ((long)value).ToString("N0", CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    private Line ToLine(Raw r)
    {
        var (counts, values) = toLine(r);
        return new Line(r.ProjectId, r.Code, r.Name, r.Region, r.Year, values, counts);
    }

    /// <summary>The rows of a metric in an evaluation's scope; null for a metric without rows of its own (unit cost dispersion).</summary>
    public static async Task<MetricRows?> ForAsync(WeishiDbContext db, MetricCalculator metrics, PerformanceEvaluation evaluation, MetricDefinition metric, CancellationToken ct)
    {
        var scope = evaluation.ToScope();
        var regions = await metrics.RegionsOfAsync(scope, ct);
        var all = metrics.ProjectsIn(scope, regions).AsNoTracking();
        var implemented = metrics.ImplementedIn(scope, regions).AsNoTracking();
        var services = implemented.Where(p => p.Type == ProjectType.Service);
        var today = ChinaDate.Today(db.Time);
        static Column Count(string header) => new(header, Kind.Count);
        static Column Money(string header) => new(header, Kind.Money);
        static Column Text(string header) => new(header, Kind.Text);

        switch (metric.Code)
        {
            case DataMetrics.UnitCostDispersion:
                return null;
            case DataMetrics.BudgetExecution:
                return Projects(all, [Money("项目预算（元）"), Money("实际支出（元）")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year,
                        p.BudgetLines.Sum(l => l.AmountFen), p.Disbursements.Sum(d => d.AmountFen), 0, false, null, null),
                    r => (r.B > 0, [r.A, r.B]));
            case DataMetrics.FundsInPlace:
                return Projects(all.Where(p => ProjectWorkflow.Finished.Contains(p.Status)), [Money("合同金额（元）"), Money("已拨付（元）")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year,
                        db.Contracts.Where(c => c.ProjectId == p.Id).Sum(c => c.AmountFen), p.Disbursements.Sum(d => d.AmountFen), 0, false, null, null),
                    r => (r.B > 0, [r.A, r.B]));
            case DataMetrics.WorksMaintained:
                var assets = db.Assets.AsNoTracking().Where(a => a.ProjectId != null && all.Any(p => p.Id == a.ProjectId)).OrderBy(a => a.Id)
                    .Select(a => new Raw(a.ProjectId, a.Project!.Code, a.Project.Name, a.Region!.ShortName, a.Project.Year,
                        (long)a.UpkeepBody, 0, 0, false, a.Name, a.UpkeepBodyName));
                return new MetricRows([Text("设施"), Text("管养主体")], assets, r =>
                {
                    var body = (UpkeepBody)r.A;
                    var named = body != UpkeepBody.None && !string.IsNullOrEmpty(r.Text2);
                    return (named, [r.Text ?? "", named ? $"{AssetNames.Body(body)}：{r.Text2}" : "未明确"]);
                });
            case DataMetrics.Completion:
                return Projects(implemented, [Text("状态")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, (long)p.Status, 0, 0, false, null, null),
                    r => (ProjectWorkflow.Finished.Contains((ProjectStatus)r.A), [ProjectWorkflow.Name((ProjectStatus)r.A)]));
            case DataMetrics.OnTime:
                return Projects(implemented, [Count("计划日期已到的里程碑"), Count("按期完成")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year,
                        db.Milestones.Count(m => m.ProjectId == p.Id && m.PlannedOn <= today),
                        db.Milestones.Count(m => m.ProjectId == p.Id && m.PlannedOn <= today && m.DoneOn != null && m.DoneOn <= m.PlannedOn), 0, false, null, null),
                    r => (true, [r.A, r.B]));
            case DataMetrics.AcceptedFirstTime:
                var passedFirst = AcceptanceRecord.FirstRecords(db.AcceptanceRecords).Where(a => a.Result == AcceptanceResult.Passed).Select(a => a.ProjectId);
                return Projects(all.Where(p => db.AcceptanceRecords.Any(a => a.ProjectId == p.Id)), [Count("验收次数"), Text("一次通过")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year,
                        db.AcceptanceRecords.Count(a => a.ProjectId == p.Id), 0, 0, passedFirst.Contains(p.Id), null, null),
                    r => (r.Flag, [r.A, r.Flag ? "是" : "否"]));
            case DataMetrics.BeneficiariesReached:
            case DataMetrics.Concentration:
                return Projects(services.Where(p => db.ActivitySessions.Any(s => s.ProjectId == p.Id)),
                    [Count("计划受益人数"), Count("不重复签到人数"), Count("签到人次")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, p.PlannedBeneficiaries,
                        db.Attendances.Where(a => a.ProjectId == p.Id).Select(a => a.ParticipantId).Distinct().Count(),
                        db.Attendances.Count(a => a.ProjectId == p.Id), false, null, null),
                    r => (true, [r.A, r.B, r.C]));
            case DataMetrics.SessionsHeld:
                var held = ActivitySession.HeldBy(today);
                return Projects(services, [Count("计划场次"), Count("已开展场次")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, p.PlannedSessions,
                        db.ActivitySessions.Where(held).Count(s => s.ProjectId == p.Id), 0, false, null, null),
                    r => (r.B >= r.A, [r.A, r.B]));
            case DataMetrics.InspectionCoverage:
                return Projects(implemented, [Count("检查次数")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, db.Inspections.Count(i => i.ProjectId == p.Id), 0, 0, false, null, null),
                    r => (r.A > 0, [r.A]));
            case DataMetrics.DemandLinked:
                return Projects(implemented, [Count("关联需求数")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, db.Demands.Count(d => d.ProjectId == p.Id), 0, 0, false, null, null),
                    r => (r.A > 0, [r.A]));
            case DataMetrics.RubricScored:
                return Projects(implemented, [Count("评分表份数")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year, db.CouncilScoreSheets.Count(s => s.ProjectId == p.Id), 0, 0, false, null, null),
                    r => (r.A > 0, [r.A]));
            default: // awareness, satisfaction
                var awareness = metric.Code == DataMetrics.Awareness;
                return Projects(all.Where(p => db.SurveyResponses.Any(r => r.ProjectId == p.Id)),
                    [Count("问卷份数"), Count(awareness ? "参加前听说过" : "满意（4–5 分）")],
                    p => new Raw(p.Id, p.Code, p.Name, p.Region!.ShortName, p.Year,
                        db.SurveyResponses.Count(r => r.ProjectId == p.Id),
                        db.SurveyResponses.Count(r => r.ProjectId == p.Id && (awareness ? r.KnewBefore : r.Overall >= 4)), 0, false, null, null),
                    r => (true, [r.A, r.B]));
        }
    }

    private static MetricRows Projects(IQueryable<Project> rows, Column[] columns, Expression<Func<Project, Raw>> select, Func<Raw, (bool, object[])> toLine) =>
        new(columns, rows.OrderBy(p => p.Code).ThenBy(p => p.Id).Select(select), toLine);
}
