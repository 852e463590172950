using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Evaluation;

/// <summary>What a user asks for when creating an evaluation.</summary>
public sealed class EvaluationInput
{
    public string? Title { get; set; }
    public int? TreeId { get; set; }
    public EvaluationScopeKind ScopeKind { get; set; } = EvaluationScopeKind.District;
    public List<int> RegionIds { get; set; } = [];
    /// <summary>Project codes, separated by commas, spaces or new lines.</summary>
    public string? ProjectCodes { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
}

/// <summary>Checks an evaluation request and creates it, seeding its recommendations from the findings.</summary>
public sealed class EvaluationFactory(WeishiDbContext db, IEnumerable<IFindingDetector> detectors)
{
    public async Task<(PerformanceEvaluation? Evaluation, List<string> Errors)> CreateAsync(EvaluationInput input, CancellationToken ct)
    {
        var errors = new List<string>();
        var scope = db.Scope;
        var own = EvaluationAccess.OwnCommunity(scope);
        if (!EvaluationAccess.CanCreate(scope)) return (null, ["您无权新建绩效评价"]);
        if (own is { } community)
        {
            // A community evaluates only itself.
            input.ScopeKind = EvaluationScopeKind.Community;
            input.RegionIds = [community];
        }
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add("请填写评价名称");
        else if (title.Length > 200) errors.Add("评价名称不能超过 200 字");
        var tree = input.TreeId is { } treeId ? await db.Set<IndicatorTree>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == treeId, ct) : null;
        if (tree is null) errors.Add("请选择指标体系");
        if (input.FromYear is not { } from || input.ToYear is not { } to) errors.Add("请填写评价期间的起止年度");
        else if (from > to) errors.Add("起始年度不能晚于截止年度");
        else errors.AddRange(await PeriodErrorsAsync(from, to, ct));
        if (!Enum.IsDefined(input.ScopeKind)) errors.Add("请选择评价范围");

        var regionIds = new List<int>();
        var projectIds = new List<int>();
        switch (input.ScopeKind)
        {
            case EvaluationScopeKind.Subdistrict or EvaluationScopeKind.Community:
                var level = input.ScopeKind == EvaluationScopeKind.Subdistrict ? RegionLevel.Subdistrict : RegionLevel.Community;
                var wanted = input.RegionIds.Distinct().ToArray();
                regionIds = await db.Regions.AsNoTracking().Where(r => wanted.Contains(r.Id) && r.Level == level).Select(r => r.Id).ToListAsync(ct);
                if (regionIds.Count == 0 || regionIds.Count != wanted.Length)
                    errors.Add(level == RegionLevel.Subdistrict ? "请选择街道" : "请选择社区");
                break;
            case EvaluationScopeKind.Project or EvaluationScopeKind.ProjectSet:
                var codes = (input.ProjectCodes ?? "").Split([',', '，', ' ', '\n', '\r', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => c.Trim()).Distinct().ToArray();
                var found = await db.Projects.AsNoTracking().Where(p => codes.Contains(p.Code)).Select(p => new { p.Id, p.Code }).ToListAsync(ct);
                var missing = codes.Except(found.Select(f => f.Code)).ToList();
                if (codes.Length == 0) errors.Add("请填写项目编号");
                else if (missing.Count > 0) errors.Add($"找不到项目：{string.Join("、", missing.Take(5))}");
                else if (input.ScopeKind == EvaluationScopeKind.Project && codes.Length != 1) errors.Add("单个项目评价只能填写一个项目编号");
                projectIds = found.Select(f => f.Id).ToList();
                break;
        }
        if (errors.Count > 0) return (null, errors);

        var evaluation = new PerformanceEvaluation
        {
            Title = title!,
            TreeId = tree!.Id,
            ScopeKind = input.ScopeKind,
            RegionIds = PerformanceEvaluation.Join(regionIds),
            ProjectIds = PerformanceEvaluation.Join(projectIds),
            FromYear = input.FromYear!.Value,
            ToYear = input.ToYear!.Value,
            OwnerRegionId = own,
            CreatedBy = scope.UserName,
            CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime,
        };
        await SeedRecommendationsAsync(evaluation, ct);
        db.Add(evaluation);
        await db.SaveChangesAsync(ct);
        return (evaluation, errors);
    }

    public const int MaxPeriodYears = 10;

    /// <summary>
    /// A period is evaluated on the programme's data: it may not start before the first year any project has
    /// (programme-wide, so a community's own later start does not hide earlier years) nor end after this year.
    /// </summary>
    private async Task<List<string>> PeriodErrorsAsync(int from, int to, CancellationToken ct)
    {
        var errors = new List<string>();
        var thisYear = ChinaDate.Today(db.Time).Year;
        // Only the smallest project year is read: no project of another region is shown.
        var firstYear = await db.Projects.IgnoreQueryFilters().MinAsync(p => (int?)p.Year, ct) ?? thisYear;
        if (to > thisYear) errors.Add($"截止年度不能晚于今年（{thisYear}年）");
        if (from < firstYear) errors.Add($"起始年度不能早于{firstYear}年（系统中最早的项目年度）");
        if (to - from >= MaxPeriodYears) errors.Add($"评价期间不能超过 {MaxPeriodYears} 年");
        return errors;
    }

    /// <summary>Adds the recommendation of every finding whose type the evaluation does not have yet.</summary>
    public async Task<int> SeedRecommendationsAsync(PerformanceEvaluation evaluation, CancellationToken ct)
    {
        var findings = await EvaluationReportBuilder.FindingsAsync(detectors, evaluation.ToScope(), ct);
        var known = evaluation.Recommendations.Select(r => r.FindingType).ToHashSet();
        var position = evaluation.Recommendations.Select(r => r.Position).DefaultIfEmpty(0).Max();
        var added = 0;
        foreach (var f in findings.Where(f => !known.Contains(f.Type)))
        {
            evaluation.Recommendations.Add(new EvaluationRecommendation { FindingType = f.Type, Text = f.Recommendation, Position = ++position });
            known.Add(f.Type);
            added++;
        }
        return added;
    }
}
