using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors.SpotChecks;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Assessment;

/// <summary>What the assessment knows about one delivered (or delivering) project.</summary>
public sealed record ProjectFacts(int ProjectId, int ContractorId, int Year, ProjectCategory Category, ProjectType Type,
    ProjectStatus Status, DateTime StatusChangedAtUtc, long BudgetFen, long SpentFen, int PlannedBeneficiaries, int PlannedSessions)
{
    public bool Delivered => ProjectWorkflow.Finished.Contains(Status);
}

/// <summary>
/// One source of a project's score, 0–100. Inspections, rectifications and satisfaction surveys join the
/// assessment by implementing this and registering it in ContractorsSetup; a project an input
/// has nothing to say about is left out of that input (the other weights are rescaled).
/// </summary>
public interface IAssessmentInput
{
    string Key { get; }
    string Name { get; }
    int DefaultWeight { get; }
    Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct);
}

/// <summary>验收结果: accepted 100, completed but not yet accepted 60.</summary>
public sealed class AcceptanceInput : IAssessmentInput
{
    public string Key => "acceptance";
    public string Name => "验收结果";
    public int DefaultWeight => 30;

    public Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct) =>
        Task.FromResult(projects.Where(p => p.Delivered)
            .ToDictionary(p => p.ProjectId, p => p.Status == ProjectStatus.Accepted ? 100.0 : 60.0));
}

/// <summary>预算执行: disbursed ÷ budget × 100, overspending loses 2 points per percent over.</summary>
public sealed class BudgetExecutionInput : IAssessmentInput
{
    public string Key => "budget";
    public string Name => "预算执行率";
    public int DefaultWeight => 20;

    public Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct) =>
        Task.FromResult(projects.Where(p => p.Delivered && p.BudgetFen > 0).ToDictionary(p => p.ProjectId, p =>
        {
            var rate = (double)p.SpentFen / p.BudgetFen;
            return rate <= 1 ? rate * 100 : Math.Max(0, 100 - (rate - 1) * 200);
        }));
}

/// <summary>按时完成: finished by 31 December of the project's year scores 100, one point less per day late.</summary>
public sealed class OnTimeInput : IAssessmentInput
{
    public string Key => "ontime";
    public string Name => "按时完成";
    public int DefaultWeight => 30;

    public Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct) =>
        Task.FromResult(projects.Where(p => p.Delivered).ToDictionary(p => p.ProjectId, p => 100.0 - Math.Min(100, DaysLate(p))));

    public static int DaysLate(ProjectFacts p) =>
        Math.Max(0, DateOnly.FromDateTime(p.StatusChangedAtUtc).DayNumber - new DateOnly(p.Year, 12, 31).DayNumber);
}

/// <summary>抽查考核: the mean of the spot-check scores recorded for the project.</summary>
public sealed class SpotCheckInput(WeishiDbContext db) : IAssessmentInput
{
    public string Key => "spotcheck";
    public string Name => "抽查考核";
    public int DefaultWeight => 20;

    public async Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct)
    {
        // Across scopes on purpose, like the rest of the assessment: only the aggregate score leaves this class.
        var scores = await db.SpotCheckItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.Score != null)
            .Select(i => new { i.ProjectId, Score = i.Score!.Value }).ToListAsync(ct);
        var wanted = projects.Select(p => p.ProjectId).ToHashSet();
        return scores.Where(s => wanted.Contains(s.ProjectId)).GroupBy(s => s.ProjectId)
            .ToDictionary(g => g.Key, g => g.Average(s => (double)s.Score));
    }
}
