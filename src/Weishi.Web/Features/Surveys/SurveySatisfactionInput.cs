using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>
/// 满意度测评: overall satisfaction's mean mapped to 0–100 ((mean − 1) ÷ 4 × 100), less 15 points for each formality flag —
/// a survey of nearly all top marks says little, so it must not lift the rating. Only projects with answers count.
/// </summary>
public sealed class SurveySatisfactionInput(WeishiDbContext db) : IAssessmentInput
{
    public const int FlagPenalty = 15;

    public string Key => "survey";
    public string Name => "满意度测评";
    public int DefaultWeight => 20;

    public async Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.ProjectId).ToList();
        // Across scopes on purpose, like the rest of the assessment: only the aggregate score leaves this class.
        var summaries = await SurveyOverview.LoadAsync(db, null, acrossScopes: true, ct, ids);
        // A project nobody answered has nothing to say here: left out, not scored as the worst.
        return summaries.Where(s => s.Stats.Mean is not null).ToDictionary(s => s.ProjectId, s => Score(s.Stats.Mean!.Value, s.Flags.Count));
    }

    public static double Score(double mean, int flags) => Math.Max(0, (mean - 1) / 4 * 100 - FlagPenalty * flags);
}
