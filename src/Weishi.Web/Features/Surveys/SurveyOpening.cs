using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>Opening a project's survey and raising its rectification: shared by the survey page, composition and the demo.</summary>
public static class SurveyOpening
{
    public static async Task<Survey> EnsureOpenAsync(WeishiDbContext db, int projectId, CancellationToken ct) =>
        (await OpenAsync(db, projectId, ct)).Survey;

    /// <summary>
    /// The project's survey, stored now (Opened) or found there: already open, or stored by a colleague's click since this
    /// one looked (the unique index on the project refuses the second; this one gives way and the context goes on).
    /// </summary>
    public static async Task<(Survey Survey, bool Opened)> OpenAsync(WeishiDbContext db, int projectId, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (survey is not null) return (survey, false);
        var sessionStart = await db.ActivitySessions.Where(s => s.ProjectId == projectId).MinAsync(s => (DateTime?)s.StartsAtUtc, ct);
        var contractStart = await db.Contracts.Where(c => c.ProjectId == projectId).Select(c => (DateOnly?)c.StartOn).FirstOrDefaultAsync(ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        survey = new Survey
        {
            ProjectId = projectId, PublicToken = SurveyServices.NewToken(), CreatedAtUtc = now,
            ServiceStartUtc = sessionStart ?? contractStart?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? now,
        };
        return await DbErrors.TryAddAsync(db, survey, ct)
            ? (survey, true)
            : (await db.Surveys.SingleAsync(s => s.ProjectId == projectId, ct), false);
    }

    /// <summary>
    /// Stores the project's rectification unless one is already there: another instance's scan or a colleague may have
    /// stored it since this one looked (the unique index on the project refuses the second). False then, and the
    /// context is left without it, so later saves go on.
    /// </summary>
    public static Task<bool> TryStoreAsync(WeishiDbContext db, Rectification rectification, CancellationToken ct) =>
        DbErrors.TryAddAsync(db, rectification, ct);

    /// <summary>A new rectification when the sample is sufficient and items fall below the thresholds; null with the reason otherwise.</summary>
    public static (Rectification? Opened, string Message) Assess(SurveyReport report, string owner, DateTime nowUtc)
    {
        if (report.Responses.Count == 0) return (null, "尚无答卷，无法判定");
        if (report.SampleShort) return (null, $"有效答卷 {report.Responses.Count} 份，未达最低样本 {report.MinimumSample} 份，暂不判定");
        var low = SurveyRules.LowItems(report.Items, report.Setting);
        if (low.Count == 0) return (null, "各项评分均未低于整改阈值，无需整改");
        return (new Rectification
        {
            ProjectId = report.Survey.ProjectId, SurveyId = report.Survey.Id, LowItems = string.Join('\n', low), Owner = owner,
            OpenedAtUtc = nowUtc, DueOn = DateOnly.FromDateTime(nowUtc).AddDays(report.Setting.RectificationDays),
        }, $"已发起整改：{low.Count} 项低于阈值");
    }
}
