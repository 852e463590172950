using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Assessment;

public sealed record ProjectScore(ProjectFacts Project, IReadOnlyDictionary<string, double> Inputs, double Total);

public sealed record YearScore(int ContractorId, int Year, int Projects, double Score, int Accepted = 0)
{
    public string Grade => ContractorAssessment.Grade(Score);

    /// <summary>暂定: some of the year's projects are still under way or not yet accepted, so the score can still move.</summary>
    public bool Provisional => Accepted < Projects;
}

/// <summary>
/// 考核: each project's score is the weighted mean of the inputs that have something to say about it;
/// a contractor's yearly score is the mean of its projects' scores that year.
/// </summary>
public sealed class ContractorAssessment(WeishiDbContext db, IEnumerable<IAssessmentInput> inputs)
{
    public IReadOnlyList<IAssessmentInput> Inputs { get; } = inputs.ToList();

    public static string Grade(double score) => score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";

    public async Task<Dictionary<string, int>> WeightsAsync(CancellationToken ct = default)
    {
        var stored = await db.AssessmentWeights.AsNoTracking().ToDictionaryAsync(w => w.InputKey, w => w.Weight, ct);
        return Inputs.ToDictionary(i => i.Key, i => stored.GetValueOrDefault(i.Key, i.DefaultWeight));
    }

    /// <summary>
    /// Scores every project in delivery or delivered, optionally of one contractor. Reads across scopes on purpose:
    /// ratings are shown to everyone who chooses contractors, only aggregates leave this class.
    /// </summary>
    public async Task<List<ProjectScore>> ProjectScoresAsync(int? contractorId = null, CancellationToken ct = default)
    {
        var query = db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ContractorId != null && ProjectWorkflow.Implemented.Contains(p.Status));
        if (contractorId is { } id) query = query.Where(p => p.ContractorId == id);
        var facts = await query.Select(p => new ProjectFacts(p.Id, p.ContractorId!.Value, p.Year, p.Category, p.Type, p.Status,
            p.StatusChangedAtUtc, p.BudgetLines.Sum(l => l.AmountFen), p.Disbursements.Sum(d => d.AmountFen),
            p.PlannedBeneficiaries, p.PlannedSessions)).ToListAsync(ct);
        var weights = await WeightsAsync(ct);
        var byInput = new Dictionary<string, Dictionary<int, double>>();
        foreach (var input in Inputs) byInput[input.Key] = await input.ScoreAsync(facts, ct);
        var result = new List<ProjectScore>();
        foreach (var p in facts)
        {
            var parts = byInput.Where(kv => kv.Value.ContainsKey(p.ProjectId)).ToDictionary(kv => kv.Key, kv => kv.Value[p.ProjectId]);
            var weightSum = parts.Keys.Sum(k => weights[k]);
            if (weightSum <= 0) continue;
            result.Add(new ProjectScore(p, parts, Math.Round(parts.Sum(kv => kv.Value * weights[kv.Key]) / weightSum, 2)));
        }
        return result;
    }

    public async Task<List<YearScore>> YearScoresAsync(int? contractorId = null, CancellationToken ct = default) =>
        ByYear(await ProjectScoresAsync(contractorId, ct));

    public static List<YearScore> ByYear(IEnumerable<ProjectScore> scores) =>
        scores.GroupBy(s => (s.Project.ContractorId, s.Project.Year))
            .Select(g => new YearScore(g.Key.ContractorId, g.Key.Year, g.Count(), Math.Round(g.Average(s => s.Total), 2),
                g.Count(s => s.Project.Status == ProjectStatus.Accepted)))
            .OrderBy(y => y.ContractorId).ThenBy(y => y.Year).ToList();

    /// <summary>The latest year's score per contractor: the rating shown in lists.</summary>
    public static Dictionary<int, YearScore> Latest(IEnumerable<YearScore> years) =>
        years.GroupBy(y => y.ContractorId).ToDictionary(g => g.Key, g => g.MaxBy(y => y.Year)!);
}
