using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Assessment;

/// <summary>
/// 投诉: residents' cases (民生诉求 or any other channel) linked to a project and raised on or after the start of its
/// contract count as complaints about the delivery (those before are the needs it came from). 100, less 25 per
/// complaint. Only projects with a complaint count, like inspections: a project nobody complained about keeps the
/// other inputs' weights.
/// </summary>
public sealed class ComplaintInput(WeishiDbContext db) : IAssessmentInput
{
    public string Key => "complaints";
    public string Name => "居民投诉";
    public int DefaultWeight => 10;

    public async Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.ProjectId).ToList();
        // Across scopes on purpose, like the rest of the assessment: only the aggregate score leaves this class.
        var starts = await db.Contracts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.ProjectId))
            .Select(c => new { c.ProjectId, c.StartOn }).ToDictionaryAsync(c => c.ProjectId, c => c.StartOn, ct);
        var cases = await db.Demands.IgnoreQueryFilters().AsNoTracking().Where(d => d.ProjectId != null && ids.Contains(d.ProjectId.Value))
            .Select(d => new { ProjectId = d.ProjectId!.Value, d.SubmittedAtUtc }).ToListAsync(ct);
        return cases.Where(c => starts.TryGetValue(c.ProjectId, out var start) && DateOnly.FromDateTime(c.SubmittedAtUtc) >= start)
            .GroupBy(c => c.ProjectId).ToDictionary(g => g.Key, g => Score(g.Count()));
    }

    public static double Score(int complaints) => Math.Max(0, 100 - 25 * complaints);
}
