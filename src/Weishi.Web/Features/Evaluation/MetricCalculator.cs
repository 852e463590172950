using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Evaluation;

/// <summary>
/// Computes every data metric for a scope and period with aggregate queries (a fixed number of them, whatever the
/// number of projects). Reads through the user's query filters, so a community sees only its own figures.
/// </summary>
public sealed class MetricCalculator(WeishiDbContext db)
{
    /// <summary>The input of 预算执行率 naming money paid where no budget was set (left out of the rate).</summary>
    public const string UnbudgetedSpending = "预算未设置地区的支出（未计入执行率）";

    public async Task<IReadOnlyList<int>> RegionsOfAsync(EvaluationScope scope, CancellationToken ct)
    {
        if (scope.RegionIds.Count == 0) return [];
        var ids = scope.RegionIds.ToArray();
        return await db.Regions.AsNoTracking()
            .Where(r => ids.Contains(r.Id) || (r.ParentId != null && ids.Contains(r.ParentId.Value)))
            .Select(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Projects of the scope and period, whatever their status.</summary>
    public IQueryable<Project> ProjectsIn(EvaluationScope scope, IReadOnlyList<int> regions)
    {
        var q = db.Projects.Where(p => p.Year >= scope.FromYear && p.Year <= scope.ToYear);
        if (regions.Count > 0)
        {
            var r = regions.ToArray();
            q = q.Where(p => r.Contains(p.RegionId));
        }
        if (scope.ProjectIds.Count > 0)
        {
            var ids = scope.ProjectIds.ToArray();
            q = q.Where(p => ids.Contains(p.Id));
        }
        return q;
    }

    public IQueryable<Project> ImplementedIn(EvaluationScope scope, IReadOnlyList<int> regions) =>
        ProjectsIn(scope, regions).Where(p => ProjectWorkflow.Implemented.Contains(p.Status));

    public async Task<Dictionary<string, MetricValue>> ComputeAllAsync(EvaluationScope scope, CancellationToken ct = default)
    {
        var regions = await RegionsOfAsync(scope, ct);
        var all = ProjectsIn(scope, regions);
        var implemented = ImplementedIn(scope, regions);
        var done = all.Where(p => ProjectWorkflow.Finished.Contains(p.Status));
        var services = implemented.Where(p => p.Type == ProjectType.Service);
        var result = new Dictionary<string, MetricValue>();
        void Add(string code, decimal? value, params MetricInput[] inputs) => result[code] = new MetricValue(code, value, inputs);
        static decimal? Ratio(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 4);
        static MetricInput N(string label, long n) => new(label, n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        static MetricInput W(string label, long fen) => new(label, Money.Wan(fen) + " 万元");

        // 预算执行率
        var spent = await db.Disbursements.AsNoTracking().Where(d => all.Any(p => p.Id == d.ProjectId)).SumAsync(d => d.AmountFen, ct);
        if (scope.ProjectIds.Count > 0)
        {
            var lines = await db.BudgetLines.AsNoTracking().Where(l => all.Any(p => p.Id == l.ProjectId)).SumAsync(l => l.AmountFen, ct);
            Add(DataMetrics.BudgetExecution, Ratio(spent, lines), W("预算", lines), W("实际支出", spent));
        }
        else
        {
            var caps = await db.YearSettings.AsNoTracking().Where(s => s.Year >= scope.FromYear && s.Year <= scope.ToYear)
                .ToDictionaryAsync(s => s.Year, s => s.CitySubsidyCapFen, ct);
            var budgets = db.AnnualBudgets.AsNoTracking().Where(b => b.Year >= scope.FromYear && b.Year <= scope.ToYear);
            if (regions.Count > 0)
            {
                var r = regions.ToArray();
                budgets = budgets.Where(b => r.Contains(b.RegionId));
            }
            var rows = await budgets.Select(b => new { b.Year, b.DistrictFundsFen }).ToListAsync(ct);
            var budget = rows.Sum(b => b.DistrictFundsFen + AnnualBudget.CitySubsidy(b.DistrictFundsFen, caps.GetValueOrDefault(b.Year, YearSetting.DefaultSubsidyCapFen)));
            // Money paid in a region and year without a budget row has no budget to be a share of: counted in the rate it
            // would inflate it, so it is left out of the rate and shown beside it.
            var spentBudgeted = await db.Disbursements.AsNoTracking()
                .Where(d => all.Any(p => p.Id == d.ProjectId && budgets.Any(b => b.Year == p.Year && b.RegionId == p.RegionId))).SumAsync(d => d.AmountFen, ct);
            var unbudgeted = spent - spentBudgeted;
            MetricInput[] inputs = unbudgeted > 0
                ? [W("预算", budget), W("实际支出", spentBudgeted), W(UnbudgetedSpending, unbudgeted)]
                : [W("预算", budget), W("实际支出", spentBudgeted)];
            Add(DataMetrics.BudgetExecution, Ratio(spentBudgeted, budget), inputs);
        }

        // 资金到位率
        var contracted = await db.Contracts.AsNoTracking().Where(c => done.Any(p => p.Id == c.ProjectId)).SumAsync(c => c.AmountFen, ct);
        var paid = await db.Disbursements.AsNoTracking()
            .Where(d => done.Any(p => p.Id == d.ProjectId) && db.Contracts.Any(c => c.ProjectId == d.ProjectId)).SumAsync(d => d.AmountFen, ct);
        Add(DataMetrics.FundsInPlace, Ratio(paid, contracted), W("合同金额", contracted), W("已拨付", paid));

        // 项目完成率
        var implementedCount = await implemented.CountAsync(ct);
        var doneCount = await done.CountAsync(ct);
        Add(DataMetrics.Completion, Ratio(doneCount, implementedCount), N("实施项目", implementedCount), N("已完工、已验收", doneCount));

        // 按期完成率
        var today = ChinaDate.Today(db.Time);
        var milestones = db.Milestones.AsNoTracking().Where(m => implemented.Any(p => p.Id == m.ProjectId) && m.PlannedOn <= today);
        var due = await milestones.CountAsync(ct);
        var onTime = await milestones.CountAsync(m => m.DoneOn != null && m.DoneOn <= m.PlannedOn, ct);
        Add(DataMetrics.OnTime, Ratio(onTime, due), N("计划日期已到的里程碑", due), N("按期完成", onTime));

        // 一次验收通过率
        var firsts = AcceptanceRecord.FirstRecords(db.AcceptanceRecords.AsNoTracking().Where(a => all.Any(p => p.Id == a.ProjectId)));
        var acceptance = await firsts.GroupBy(_ => 1)
            .Select(g => new { Projects = g.Count(), FirstTime = g.Count(a => a.Result == AcceptanceResult.Passed) }).FirstOrDefaultAsync(ct);
        var (acceptedProjects, firstTime) = (acceptance?.Projects ?? 0, acceptance?.FirstTime ?? 0);
        Add(DataMetrics.AcceptedFirstTime, Ratio(firstTime, acceptedProjects), N("有验收记录的项目", acceptedProjects), N("一次通过", firstTime));

        // 受益人数达成率、活动场次完成率
        var withSessions = services.Where(p => db.ActivitySessions.Any(s => s.ProjectId == p.Id));
        var planned = await withSessions.SumAsync(p => (long)p.PlannedBeneficiaries, ct);
        var attendances = db.Attendances.AsNoTracking().Where(a => services.Any(p => p.Id == a.ProjectId));
        // Each project's own unique people, added up: the plan is a sum of per-project targets (someone planned for two
        // projects counts twice there), so the people reached count per project too, as the drill-down rows and the
        // findings' 受益人数 figures do.
        var reached = await attendances.Select(a => new { a.ProjectId, a.ParticipantId }).Distinct().CountAsync(ct);
        Add(DataMetrics.BeneficiariesReached, Ratio(reached, planned), N("计划受益人数", planned), N("各项目不重复签到人数之和", reached));
        var plannedSessions = await services.SumAsync(p => (long)p.PlannedSessions, ct);
        // A session scheduled ahead is not yet held, as on the project page and in the deviation scan.
        var held = await db.ActivitySessions.AsNoTracking().Where(ActivitySession.HeldBy(today)).CountAsync(s => services.Any(p => p.Id == s.ProjectId), ct);
        Add(DataMetrics.SessionsHeld, Ratio(held, plannedSessions), N("计划场次", plannedSessions), N("已开展场次", held));

        // 参与者集中度: two GROUP BYs in the database, only the histogram comes back.
        var histogram = await attendances.GroupBy(a => a.ParticipantId).Select(g => g.Count())
            .GroupBy(times => times).Select(g => new { Times = g.Key, People = g.Count() }).ToListAsync(ct);
        var concentration = Beneficiaries.Concentration.FromHistogram(histogram.Select(h => (h.Times, h.People)));
        Add(DataMetrics.Concentration, concentration.Participants == 0 ? null : concentration.Top10Share,
            N("参与人数", concentration.Participants), N("签到人次", concentration.Attendances),
            new MetricInput("基尼系数", concentration.Gini.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));

        // 监督检查覆盖率、需求关联率、评审打分覆盖率
        var inspected = await implemented.CountAsync(p => db.Inspections.Any(i => i.ProjectId == p.Id), ct);
        Add(DataMetrics.InspectionCoverage, Ratio(inspected, implementedCount), N("实施项目", implementedCount), N("有检查记录", inspected));
        var linked = await implemented.CountAsync(p => db.Demands.Any(d => d.ProjectId == p.Id), ct);
        Add(DataMetrics.DemandLinked, Ratio(linked, implementedCount), N("实施项目", implementedCount), N("关联居民需求", linked));
        var scored = await implemented.CountAsync(p => db.CouncilScoreSheets.Any(s => s.ProjectId == p.Id), ct);
        Add(DataMetrics.RubricScored, Ratio(scored, implementedCount), N("实施项目", implementedCount), N("有评分表", scored));

        // 居民知晓率、服务对象满意率
        var responses = db.SurveyResponses.AsNoTracking().Where(r => all.Any(p => p.Id == r.ProjectId));
        var answers = await responses.CountAsync(ct);
        var knew = await responses.CountAsync(r => r.KnewBefore, ct);
        var satisfied = await responses.CountAsync(r => r.Overall >= 4, ct);
        Add(DataMetrics.Awareness, Ratio(knew, answers), N("问卷份数", answers), N("参加前听说过", knew));
        Add(DataMetrics.Satisfaction, Ratio(satisfied, answers), N("问卷份数", answers), N("满意（4–5 分）", satisfied));

        // 同类项目单位成本离散度 (district-wide norms: the norms pool projects across communities and years)
        var norms = await db.CostNorms.AsNoTracking().Where(n => n.Year == 0 && n.Count >= 5 && n.MedianFen > 0)
            .Select(n => new { n.Q1Fen, n.Q3Fen, n.MedianFen }).ToListAsync(ct);
        decimal? dispersion = norms.Count == 0 ? null : Math.Round(norms.Average(n => (decimal)(n.Q3Fen - n.Q1Fen) / n.MedianFen), 4);
        Add(DataMetrics.UnitCostDispersion, dispersion, N("有基准的功能", norms.Count));

        // 工程管养落实率
        var assets = db.Assets.AsNoTracking().Where(a => a.ProjectId != null && all.Any(p => p.Id == a.ProjectId));
        var assetCount = await assets.CountAsync(ct);
        var withBody = await assets.CountAsync(a => a.UpkeepBody != UpkeepBody.None && a.UpkeepBodyName != null && a.UpkeepBodyName != "", ct);
        Add(DataMetrics.WorksMaintained, Ratio(withBody, assetCount), N("工程设施", assetCount), N("已明确管养主体", withBody));
        return result;
    }
}
