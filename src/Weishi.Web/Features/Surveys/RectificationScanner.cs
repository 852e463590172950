using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>
/// Opens a rectification for every surveyed project whose items fall below the district thresholds once its minimum
/// sample is reached, so a low score raises one without anyone having to ask. Runs as the system (all projects). Every
/// instance runs it: a project another scan has just given its rectification is passed over (not counted).
/// </summary>
public sealed class RectificationScanner(WeishiDbContext db)
{
    public async Task<int> ScanAsync(int? year = null, CancellationToken ct = default)
    {
        var candidates = await db.Surveys.IgnoreQueryFilters().AsNoTracking()
            .Where(s => year == null || s.Project!.Year == year)
            .Where(s => db.SurveyResponses.IgnoreQueryFilters().Any(r => r.SurveyId == s.Id))
            .Where(s => !db.Rectifications.IgnoreQueryFilters().Any(r => r.ProjectId == s.ProjectId))
            .Select(s => new { s.ProjectId, Region = s.Project!.Region!.ShortName })
            .ToListAsync(ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var opened = 0;
        foreach (var c in candidates)
        {
            if (await SurveyReport.LoadAsync(db, c.ProjectId, ct) is not { } report) continue;
            if (SurveyOpening.Assess(report, c.Region + "工作人员", now).Opened is not { } rectification) continue;
            if (await SurveyOpening.TryStoreAsync(db, rectification, ct)) opened++;
        }
        return opened;
    }
}
