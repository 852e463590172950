using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// The findings page's period when the user names none: that of the latest evaluation the user may read (the findings
/// then match its report); without one, the three years up to the latest year with finished projects — a year whose
/// projects are still under way has little to find; without those, this year in China.
/// </summary>
public static class DefaultPeriod
{
    public const string Rule = "默认期间：最近一次绩效评价的评价期间；尚无评价时，为截至最近一个有已完工项目年度的三个年度。";

    /// <param name="Evaluation">The evaluation whose period it is, if any.</param>
    public sealed record Period(int From, int To, string? Evaluation);

    public static async Task<Period> ForAsync(WeishiDbContext db, CancellationToken ct)
    {
        var evaluation = await db.Set<PerformanceEvaluation>().AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Title, e.FromYear, e.ToYear }).FirstOrDefaultAsync(ct);
        if (evaluation is not null) return new Period(evaluation.FromYear, evaluation.ToYear, evaluation.Title);
        var finished = ProjectWorkflow.Finished;
        var to = await db.Projects.Where(p => finished.Contains(p.Status)).MaxAsync(p => (int?)p.Year, ct) ?? ChinaDate.Today(db.Time).Year;
        return new Period(Math.Max(IndexModel.MinYear, to - 2), to, null);
    }
}
