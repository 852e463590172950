using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Web.Features.Surveys;

/// <summary>
/// 一人一码 in the background: stores an invitation for every registered participant not yet invited, then texts those
/// with a phone, at most once each (ADR 017). Scope was checked when it was queued (the survey page, staff of the
/// project's region); the run acts for that user in the audit log.
/// </summary>
public sealed class SurveyInvitationJob(WeishiDbContext db, ISmsSender sms, PersonalData personal) : IJobHandler
{
    public const string JobKind = "survey-invitations";

    /// <param name="SiteUrl">Scheme and host the answer links start with (the request's, as the page shows them).</param>
    public sealed record Parameters(int SurveyId, string SiteUrl, string? UserId, string UserName);

    public string Kind => JobKind;

    /// <summary>One invitation job per survey may be queued or running (<see cref="JobRunner.TryEnqueueAsync"/>).</summary>
    public static string KeyOf(int surveyId) => $"survey-invitations:{surveyId}";

    public static Job Create(Survey survey, string projectName, Parameters p) => new()
    {
        Kind = JobKind,
        Title = $"发放满意度测评一人一码：{projectName}",
        ExclusiveKey = KeyOf(survey.Id),
        ReturnUrl = $"/Surveys/Project/{survey.ProjectId}",
        ParametersJson = JsonSerializer.Serialize(p),
        CreatedByUserId = p.UserId,
        CreatedByName = p.UserName,
    };

    public static string Progress(int sent, int total, int failed) => $"已发送 {sent} / 共 {total}，失败转纸质 {failed}";

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<Parameters>(job.ParametersJson!)!;
        var survey = await db.Surveys.Where(s => s.Id == p.SurveyId)
            .Select(s => new { s.Id, s.ProjectId, ProjectName = s.Project!.Name }).FirstOrDefaultAsync(ct);
        if (survey is null) return new JobOutcome(false, "测评不存在或已删除。");
        progress.Report(0, "正在生成答卷凭证");

        var (created, withoutPhone) = await StoreNewAsync(survey.Id, survey.ProjectId, p, ct);
        // Taken by an earlier run that stopped before it recorded the gateway's answer: the text may have gone out, so it
        // is not sent again (at most once per participant); the participant gets a printed slip instead.
        var interrupted = await db.SurveyInvitations.Where(i => i.SurveyId == survey.Id && i.Delivery == InvitationDelivery.SmsSending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Delivery, InvitationDelivery.Slip), ct);
        var pending = await db.SurveyInvitations.Where(i => i.SurveyId == survey.Id && i.Delivery == InvitationDelivery.SmsPending)
            .Join(db.Participants, i => i.ParticipantId, x => x.Id, (i, x) => new { i.Id, i.Token, x.PhoneEncrypted })
            .OrderBy(i => i.Id).ToListAsync(ct);

        int sent = 0, failed = 0;
        progress.Report(0, Progress(sent, pending.Count, failed));
        foreach (var invitation in pending)
        {
            // Taken before texting and saved, so a run after a crash knows this text may have gone out.
            if (!await MoveAsync(invitation.Id, InvitationDelivery.SmsPending, InvitationDelivery.SmsSending, ct)) continue;
            var delivered = invitation.PhoneEncrypted is not null && await TextAsync(personal.DecryptPhone(invitation.PhoneEncrypted),
                survey.ProjectName, $"{p.SiteUrl}/Survey/{invitation.Token}", ct);
            // Not the request's token: the gateway has answered, so its answer is recorded even while the app stops.
            await MoveAsync(invitation.Id, InvitationDelivery.SmsSending, delivered ? InvitationDelivery.SmsSent : InvitationDelivery.Slip, CancellationToken.None);
            if (delivered) sent++;
            else failed++;
            progress.Report((sent + failed) * 100 / pending.Count, Progress(sent, pending.Count, failed));
        }

        if (created == 0 && pending.Count == 0 && interrupted == 0)
            return new JobOutcome(true, "没有需要发放的参与者：登记参与者均已发放答卷凭证。");
        if (pending.Count > 0 || interrupted > 0)
        {
            AddAudit(survey.Id, p, InvitationAuditText(created, sent, failed, interrupted), "Modified");
            await db.SaveChangesAsync(CancellationToken.None);
        }
        var slips = withoutPhone + failed + interrupted;
        return new JobOutcome(true, $"完成：新生成答卷凭证 {created} 份；{Progress(sent, pending.Count, failed)}"
            + (interrupted > 0 ? $"；{interrupted} 份在上次中断的发送中无法确认是否送达，为免重复发送已改为纸质凭证" : "")
            + (slips > 0 ? $"。本次共 {slips} 份纸质答卷条，请在测评页打印后发放。" : "。本次无需打印答卷条。"));
    }

    /// <summary>One invitation per participant registered at a session of the project and not yet invited, saved (with
    /// its audit summary) before any text is sent. Runs for one survey never overlap (<see cref="KeyOf"/>); were one to
    /// slip through, the unique survey and participant index fails it rather than invite anyone twice.</summary>
    private async Task<(int Created, int WithoutPhone)> StoreNewAsync(int surveyId, int projectId, Parameters p, CancellationToken ct)
    {
        var people = await db.Attendances.Where(a => a.ProjectId == projectId
                && !db.SurveyInvitations.Any(i => i.SurveyId == surveyId && i.ParticipantId == a.ParticipantId))
            .Select(a => new { a.ParticipantId, HasPhone = a.Participant!.PhoneEncrypted != null }).Distinct()
            .OrderBy(a => a.ParticipantId).ToListAsync(ct);
        if (people.Count == 0) return (0, 0);
        var expires = db.Time.GetUtcNow().UtcDateTime + ProjectModel.TokenLifetime;
        foreach (var person in people)
            db.SurveyInvitations.Add(new SurveyInvitation
            {
                SurveyId = surveyId, ProjectId = projectId, ParticipantId = person.ParticipantId, Token = SurveyServices.NewToken(),
                ExpiresAtUtc = expires, Delivery = person.HasPhone ? InvitationDelivery.SmsPending : InvitationDelivery.Slip,
            });
        var withoutPhone = people.Count(x => !x.HasPhone);
        AddAudit(surveyId, p, $"生成答卷凭证 {people.Count} 份：待短信发送 {people.Count - withoutPhone} 份，无手机号（纸质答卷条）{withoutPhone} 份", "Added");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (people.Count, withoutPhone);
    }

    private async Task<bool> TextAsync(string phone, string projectName, string url, CancellationToken ct)
    {
        try
        {
            await sms.SendAsync(phone, $"【民生微实事】感谢参加“{projectName}”，请为本项目打分（{ProjectModel.TokenLifetime.TotalDays:0}天内有效，限填一次）：{url}", ct);
            return true;
        }
        catch (SmsSendFailedException)
        {
            return false; // handed out on a printed slip instead
        }
    }

    /// <summary>Moves one invitation from one state to the next, only if it is still in the first: false if another run took it.</summary>
    private async Task<bool> MoveAsync(long id, InvitationDelivery from, InvitationDelivery to, CancellationToken ct) =>
        await db.SurveyInvitations.Where(i => i.Id == id && i.Delivery == from).ExecuteUpdateAsync(s => s.SetProperty(i => i.Delivery, to), ct) == 1;

    private static string InvitationAuditText(int created, int sent, int failed, int interrupted) =>
        $"短信发送：成功 {sent} 份，失败转纸质 {failed} 份" + (interrupted > 0 ? $"，上次中断转纸质 {interrupted} 份" : "") + $"（本次新生成 {created} 份）";

    /// <summary>Invitations hold tokens and participants (ADR 005 keeps them out of the log): one summary row per step instead.</summary>
    private void AddAudit(int surveyId, Parameters p, string text, string action) => db.AuditEntries.Add(new AuditEntry
    {
        AtUtc = db.Time.GetUtcNow().UtcDateTime,
        UserId = p.UserId,
        UserName = p.UserName,
        Entity = nameof(SurveyInvitation),
        EntityId = surveyId.ToString(CultureInfo.InvariantCulture),
        Action = action,
        After = text,
    });
}
