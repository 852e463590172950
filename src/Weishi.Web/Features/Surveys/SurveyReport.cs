using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>Everything the results of one project's survey show, loaded within the user's scope.</summary>
public sealed record SurveyReport(Survey Survey, IReadOnlyList<SurveyResponse> Responses, IReadOnlyList<(int Id, string Text)> Targeted,
    SurveyStatistics Stats, List<ItemStat> Items, List<FormalityFlag> Flags, int Beneficiaries, int MinimumSample, SurveySetting Setting)
{
    public double ResponseRate => Beneficiaries > 0 ? Responses.Count / (double)Beneficiaries : 0;
    public bool SampleShort => Responses.Count < MinimumSample;

    public static async Task<SurveySetting> SettingAsync(WeishiDbContext db, CancellationToken ct) =>
        await db.SurveySettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new SurveySetting();

    /// <summary>Registered unique participants, or the planned beneficiaries where there is no register.</summary>
    public static async Task<(int Participants, int Beneficiaries)> BeneficiariesAsync(WeishiDbContext db, int projectId, CancellationToken ct)
    {
        var participants = await db.Attendances.Where(a => a.ProjectId == projectId).Select(a => a.ParticipantId).Distinct().CountAsync(ct);
        var planned = await db.Projects.Where(p => p.Id == projectId).Select(p => p.PlannedBeneficiaries).FirstOrDefaultAsync(ct);
        return (participants, participants > 0 ? participants : planned);
    }

    public static async Task<List<(int Id, string Text)>> TargetedAsync(WeishiDbContext db, int surveyId, CancellationToken ct) =>
        (await db.SurveyItems.AsNoTracking().Where(i => i.SurveyId == surveyId).OrderBy(i => i.Question!.SortOrder).ThenBy(i => i.QuestionId)
            .Select(i => new { i.QuestionId, i.Question!.Text }).ToListAsync(ct)).Select(i => (i.QuestionId, i.Text)).ToList();

    public static async Task<SurveyReport?> LoadAsync(WeishiDbContext db, int projectId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (survey is null) return null;
        var responses = await db.SurveyResponses.AsNoTracking().Include(r => r.Items).Where(r => r.SurveyId == survey.Id).ToListAsync(ct);
        var targeted = await TargetedAsync(db, survey.Id, ct);
        var (participants, beneficiaries) = await BeneficiariesAsync(db, projectId, ct);
        var setting = await SettingAsync(db, ct);
        return new SurveyReport(survey, responses, targeted, SurveyStatistics.Of(responses), SurveyRules.Items(responses, targeted),
            FormalityDetector.Detect(responses, participants, survey.ServiceStartUtc), beneficiaries,
            SurveyRules.MinimumSample(beneficiaries, setting), setting);
    }
}
