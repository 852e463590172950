using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.Evaluation;

public sealed record YearRow(int Year, int Projects, long SpentFen);

/// <summary>Everything the report says, in the source report's outline; written out as .docx or printable HTML.</summary>
public sealed record EvaluationReport(
    string Title,
    string ScopeName,
    string Period,
    string Evaluator,
    DateTime GeneratedAtUtc,
    string Background,
    string Responsibilities,
    IReadOnlyList<YearRow> Years,
    string Purpose,
    string ScopeText,
    string Method,
    ScoreSheet Sheet,
    string Conclusion,
    string Achievements,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Recommendations)
{
    public string YearsSentence => string.Join("；", Years.Select(y =>
        $"{y.Year}年共组织实施“民生微实事”项目 {y.Projects} 个，实际支出金额 {Wan(y.SpentFen)} 万元")) + "。";

    /// <summary>万元 with two decimals and no grouping, as the source report writes them (4368.20).</summary>
    public static string Wan(long fen) => Money.WanValue(fen).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>万元 in a table, with thousands separators (4,368.20), as official documents' tables write them.</summary>
    public static string WanInTable(long fen) => Money.WanValue(fen).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A count in a table, with thousands separators (1,592).</summary>
    public static string CountInTable(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Gathers the report's figures: the yearly projects and spending, the scores, and the detectors' findings.</summary>
public sealed class EvaluationReportBuilder(WeishiDbContext db, MetricCalculator metrics, EvaluationScorer scorer, IEnumerable<IFindingDetector> detectors)
{
    public async Task<EvaluationReport> BuildAsync(PerformanceEvaluation evaluation, IProgress<(int, string)>? progress, CancellationToken ct)
    {
        var scope = evaluation.ToScope();
        progress?.Report((10, "统计各年度项目与支出"));
        var years = await YearsAsync(scope, ct);
        progress?.Report((30, "计算数据指标"));
        var sheet = await scorer.ScoreAsync(evaluation, ct);
        progress?.Report((60, "运行问题检测"));
        var findings = await FindingsAsync(detectors, scope, ct);
        progress?.Report((80, "汇总评价结论"));
        var scopeName = await ScopeNameAsync(evaluation, ct);
        var recommendations = evaluation.Recommendations.OrderBy(r => r.Position).Select(r => r.Text).ToList();
        if (recommendations.Count == 0) recommendations = findings.Select(f => f.Recommendation).Distinct().ToList();

        var subject = $"{scopeName}{evaluation.Period}“民生微实事”项目";
        var top = string.Join("，", sheet.TopLevel.Select(n => $"{n.Node.Name}指标得分 {Scoring.Show(n.Score)} 分（权重 {n.Node.Weight:0.##} 分）"));
        return new EvaluationReport(
            evaluation.Title,
            scopeName,
            evaluation.Period,
            evaluation.OwnerRegionId is null ? "深圳市坪山区财政局" : scopeName,
            db.Time.GetUtcNow().UtcDateTime,
            evaluation.Background ?? DefaultBackground,
            DefaultResponsibilities,
            years,
            $"本次绩效评价工作，旨在全面掌握{subject}开展情况，并对其产出及绩效实现进行客观、公正地分析和评价，发现问题及成因，提出进一步加强资金管理的意见建议。",
            $"本次绩效评价对象为{subject}，评价期间为 {evaluation.Period}，评价范围：{PerformanceEvaluation.ScopeName(evaluation.ScopeKind)}（{scopeName}）。",
            evaluation.WorkDone ?? $"评价组依据《{evaluation.Tree!.Name}》（第 {evaluation.Tree.Version} 版），对数据类指标直接从系统中的预算、拨付、合同、活动签到、检查、验收、需求与满意度问卷数据计算得分，对其余指标由评价组结合书面材料与现场核查评分。",
            sheet,
            $"根据财政部《项目支出绩效评价管理办法》(财预〔2020〕10号)，本次绩效评价采取评分和评级相结合的方式，{subject}综合评价结果为 {Scoring.Show(sheet.Total)} 分，绩效评价结论为“{sheet.Grade}”。其中{top}。" + PendingNote(sheet),
            evaluation.Achievements ?? DefaultAchievements(years, sheet),
            findings,
            recommendations);
    }

    public static async Task<List<Finding>> FindingsAsync(IEnumerable<IFindingDetector> detectors, EvaluationScope scope, CancellationToken ct)
    {
        var list = new List<Finding>();
        foreach (var detector in detectors)
            if (await detector.DetectAsync(scope, ct) is { } finding) list.Add(finding);
        return list;
    }

    public async Task<List<YearRow>> YearsAsync(EvaluationScope scope, CancellationToken ct)
    {
        var regions = await metrics.RegionsOfAsync(scope, ct);
        var implemented = metrics.ImplementedIn(scope, regions);
        var counts = await implemented.GroupBy(p => p.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        var spent = await db.Disbursements.AsNoTracking().Where(d => implemented.Any(p => p.Id == d.ProjectId))
            .GroupBy(d => d.Project!.Year).Select(g => new { Year = g.Key, Fen = g.Sum(d => d.AmountFen) }).ToListAsync(ct);
        return Enumerable.Range(scope.FromYear, scope.ToYear - scope.FromYear + 1)
            .Select(y => new YearRow(y, counts.FirstOrDefault(c => c.Year == y)?.Count ?? 0, spent.FirstOrDefault(s => s.Year == y)?.Fen ?? 0))
            .ToList();
    }

    private async Task<string> ScopeNameAsync(PerformanceEvaluation e, CancellationToken ct)
    {
        var ids = PerformanceEvaluation.Ids(e.RegionIds).ToArray();
        if (e.ScopeKind is EvaluationScopeKind.Project or EvaluationScopeKind.ProjectSet)
        {
            var projectIds = PerformanceEvaluation.Ids(e.ProjectIds).ToArray();
            var names = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).OrderBy(p => p.Code).Select(p => p.Name).Take(3).ToListAsync(ct);
            return projectIds.Length == 1 ? names.FirstOrDefault() ?? "项目" : $"{string.Join("、", names)}等 {projectIds.Length} 个项目";
        }
        if (ids.Length == 0)
            return await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "全区";
        var regionNames = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Code).Select(r => r.Name).ToListAsync(ct);
        return string.Join("、", regionNames);
    }

    /// <summary>A report written before every expert score is in says so beside its grade, which counts those as 0.</summary>
    public static string PendingNote(ScoreSheet sheet) => sheet.PendingCount == 0 ? ""
        : $"尚有 {sheet.PendingCount} 项指标未评分（按 0 分计），以上为暂定结论，评价组完成评分后应重新生成报告。";

    private static string DefaultAchievements(IReadOnlyList<YearRow> years, ScoreSheet sheet)
    {
        var projects = years.Sum(y => y.Projects);
        var spent = years.Sum(y => y.SpentFen);
        var strong = sheet.Nodes.Where(n => n.Node.IsLeaf && n.Score is { } s && s >= n.Node.Weight * 0.9m).Select(n => n.Node.Name).ToList();
        return $"评价期内共组织实施项目 {projects} 个，实际支出 {EvaluationReport.Wan(spent)} 万元，覆盖长者关爱、儿童成长、文化体育、环境美化等民生领域。"
            + (strong.Count > 0 ? $"{string.Join("、", strong)}等指标得分率达到 90% 以上。" : "");
    }

    public const string DefaultBackground =
        "2015年9月，深圳市人民政府办公厅印发《全面推广实施民生微实事指导意见》，在全市范围内推广“民生微实事”惠民政策，"
        + "所需资金由各区政府在年度预算中专项安排，市财政原则上按 1∶1 比例给予补助，市级补助金额按平均每个社区每年不超过 100 万元安排。";

    public const string DefaultResponsibilities =
        "区民政部门牵头制定完善工作指引、优化实施流程；街道党工委、办事处作为项目实施管理责任主体，负责加强监督指导，综合平衡下辖社区拟报项目和资金安排；"
        + "社区党委、居委会作为具体实施主体，负责从项目征集、评议、确定、实施到评估的一揽子具体工作。";
}
