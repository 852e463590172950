using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Jobs;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Tests.Surveys;

/// <summary>
/// 一人一码 sent by a background job: progress on the page, one job per survey at a time, each participant invited and
/// texted at most once across runs (also after a run that died mid-text), scope and audit.
/// </summary>
[Collection(DemoCollection.Name)]
public class SurveyInvitationJobTests(DemoApp app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>A delivered project with an open survey and the given participants signed in, in that order.</summary>
    private async Task<(int Project, int Survey, Browser Staff, string SessionToken)> SurveyWithAsync(int year, params (string Name, string Phone)[] people)
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, year);
        var (_, sessionToken) = await DeliveryData.SessionAsync(app.Factory, project);
        foreach (var (name, phone) in people) await SignInAsync(sessionToken, name, phone);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var opened = await staff.SubmitAsync($"/Surveys/Project/{project}", [], postUrl: $"/Surveys/Project/{project}?handler=Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        using var scope = app.Factory.Services.CreateScope();
        var survey = await DeliveryData.Db(scope).Surveys.Where(s => s.ProjectId == project).Select(s => s.Id).SingleAsync();
        return (project, survey, staff, sessionToken);
    }

    private async Task SignInAsync(string sessionToken, string name, string phone)
    {
        var signedIn = await Browser.For(app.Factory).SubmitAsync($"/SignIn/{sessionToken}", new() { ["Name"] = name, ["Phone"] = phone, ["IdNumber"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private async Task<int> TextsToAsync(string phone)
    {
        using var scope = app.Factory.Services.CreateScope();
        var hash = await scope.ServiceProvider.GetRequiredService<PersonalData>().HashAsync(phone);
        return await DeliveryData.Db(scope).SmsOutbox.CountAsync(m => m.PhoneHash == hash);
    }

    private async Task<int[]> TextsToAsync(params string[] phones)
    {
        var counts = new int[phones.Length];
        for (var i = 0; i < phones.Length; i++) counts[i] = await TextsToAsync(phones[i]);
        return counts;
    }

    private async Task<List<Job>> JobsOfAsync(int survey)
    {
        using var scope = app.Factory.Services.CreateScope();
        var key = SurveyInvitationJob.KeyOf(survey);
        return await DeliveryData.Db(scope).Jobs.AsNoTracking().Where(j => j.ExclusiveKey == key).OrderBy(j => j.Id).ToListAsync();
    }

    private async Task<Dictionary<string, InvitationDelivery>> DeliveryByNameAsync(int project)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        return await db.SurveyInvitations.Where(i => i.ProjectId == project)
            .Join(db.Participants, i => i.ParticipantId, p => p.Id, (i, p) => new { p.Name, i.Delivery }).ToDictionaryAsync(x => x.Name, x => x.Delivery);
    }

    [Fact]
    public async Task The_post_queues_a_job_whose_progress_shows_and_a_second_click_meanwhile_queues_nothing_and_a_slow_failing_phone_ends_on_a_slip()
    {
        var (fast, slow) = (DeliveryData.NewPhone(), DeliveryData.NewPhone());
        var (project, survey, staff, _) = await SurveyWithAsync(2043, ("黄婆婆", fast), ("陈伯", slow));
        using var held = app.Factory.HoldSmsTo(slow);

        var first = await SurveyTestData.PostInviteAsync(staff, project);
        var jobId = SurveyTestData.JobIdOf(first);
        await held.Reached.Task.WaitAsync(Patience);

        var (_, page) = await staff.GetAsync($"/Surveys/Project/{project}");
        Assert.Equal(nameof(JobStatus.Running), page.QuerySelector("[data-testid=invitation-job]")!.GetAttribute("data-status"));
        Assert.Equal("已发送 1 / 共 2，失败转纸质 0", page.QuerySelector("[data-testid=invitation-job-message]")!.TextContent);
        var (_, bar) = await staff.GetAsync($"/Jobs/Detail/{jobId}?handler=Progress");
        Assert.Equal("已发送 1 / 共 2，失败转纸质 0", bar.QuerySelector("[data-testid=job-message]")!.TextContent);

        var second = await SurveyTestData.PostInviteAsync(staff, project);
        Assert.Equal($"/Surveys/Project/{project}", second.Headers.Location!.ToString());
        var (_, told) = await staff.GetAsync(second.Headers.Location!.ToString());
        Assert.Equal("本项目的一人一码正在发放中（排队或发送中），未重复提交；请等待该任务完成后再发放新登记的参与者",
            told.QuerySelector("[data-testid=message]")!.TextContent.Trim());
        Assert.Single(await JobsOfAsync(survey));

        held.Release(new SmsSendFailedException("测试：短信网关未在规定时间内应答"));
        var job = await DemandHelpers.WaitForJobAsync(app.Factory, jobId);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal("完成：新生成答卷凭证 2 份；已发送 1 / 共 2，失败转纸质 1。本次共 1 份纸质答卷条，请在测评页打印后发放。", job.Message);
        var (_, done) = await staff.GetAsync($"/Surveys/Project/{project}");
        Assert.Equal("1", done.QuerySelector("[data-testid=slip-count]")!.TextContent);
        Assert.Contains("陈伯", done.QuerySelector("[data-testid=slips]")!.TextContent);
        Assert.Equal(new Dictionary<string, InvitationDelivery> { ["黄婆婆"] = InvitationDelivery.SmsSent, ["陈伯"] = InvitationDelivery.Slip },
            await DeliveryByNameAsync(project));
        Assert.Equal(1, await TextsToAsync(fast));
        Assert.Equal(0, await TextsToAsync(slow));
    }

    [Fact]
    public async Task Two_clicks_at_the_same_moment_queue_one_job()
    {
        var phone = DeliveryData.NewPhone();
        var (project, survey, staff, _) = await SurveyWithAsync(2044, ("黄婆婆", phone));
        var colleague = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        using var held = app.Factory.HoldSmsTo(phone);

        // The colleague's click is stored between this click's look for a running job and its own save.
        var (own, other) = await app.Factory.RaceAsync(
            db => db.ChangeTracker.Entries<Job>().Any(e => e.State == EntityState.Added && e.Entity.Kind == SurveyInvitationJob.JobKind),
            () => SurveyTestData.PostInviteAsync(colleague, project),
            () => SurveyTestData.PostInviteAsync(staff, project));

        Assert.StartsWith("/Jobs/Detail/", other.Headers.Location!.ToString());
        Assert.Equal($"/Surveys/Project/{project}", own.Headers.Location!.ToString());
        Assert.Single(await JobsOfAsync(survey));
        held.Release();
        var job = await DemandHelpers.WaitForJobAsync(app.Factory, SurveyTestData.JobIdOf(other));
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, await TextsToAsync(phone));
    }

    [Fact]
    public async Task A_run_after_one_that_died_mid_text_texts_nobody_twice_and_later_participants_are_invited_by_the_next_run()
    {
        var (sent, inFlight, waiting) = (DeliveryData.NewPhone(), DeliveryData.NewPhone(), DeliveryData.NewPhone());
        var (project, survey, staff, sessionToken) = await SurveyWithAsync(2045, ("甲", sent), ("乙", inFlight), ("丙", waiting));

        // The runner dies while the gateway has 乙's text: it stops with the job running and 乙 taken.
        using (var held = app.Factory.HoldSmsTo(inFlight))
        {
            var first = SurveyTestData.JobIdOf(await SurveyTestData.PostInviteAsync(staff, project));
            await held.Reached.Task.WaitAsync(Patience);
            held.Release(new OperationCanceledException("测试：进程在发送短信时停止"));
            // What the next start (or, on PostgreSQL, the sweep) does with a job whose runner is gone.
            await app.Factory.Services.GetRequiredService<JobRunner>().RecoverAbandonedAsync(TimeSpan.Zero, default);
        }
        Assert.Equal(JobStatus.Failed, (await JobsOfAsync(survey)).Single().Status);
        Assert.Equal(new Dictionary<string, InvitationDelivery>
        {
            ["甲"] = InvitationDelivery.SmsSent, ["乙"] = InvitationDelivery.SmsSending, ["丙"] = InvitationDelivery.SmsPending,
        }, await DeliveryByNameAsync(project));

        var late = DeliveryData.NewPhone();
        await SignInAsync(sessionToken, "丁", late);
        var retry = await SurveyTestData.InviteAsync(app.Factory, staff, project);

        Assert.Equal(JobStatus.Succeeded, retry.Status);
        Assert.Equal("完成：新生成答卷凭证 1 份；已发送 2 / 共 2，失败转纸质 0；1 份在上次中断的发送中无法确认是否送达，为免重复发送已改为纸质凭证。本次共 1 份纸质答卷条，请在测评页打印后发放。",
            retry.Message);
        Assert.Equal(new Dictionary<string, InvitationDelivery>
        {
            ["甲"] = InvitationDelivery.SmsSent, ["乙"] = InvitationDelivery.Slip, ["丙"] = InvitationDelivery.SmsSent, ["丁"] = InvitationDelivery.SmsSent,
        }, await DeliveryByNameAsync(project));
        Assert.Equal(new[] { 1, 0, 1, 1 }, await TextsToAsync(sent, inFlight, waiting, late));

        var again = await SurveyTestData.InviteAsync(app.Factory, staff, project);
        Assert.Equal("没有需要发放的参与者：登记参与者均已发放答卷凭证。", again.Message);
        Assert.Equal(4, (await DeliveryByNameAsync(project)).Count);
        Assert.Equal(new[] { 1, 0, 1, 1 }, await TextsToAsync(sent, inFlight, waiting, late));
    }

    [Fact]
    public async Task Only_staff_of_the_projects_community_can_send_and_each_run_is_in_the_audit_log_under_their_name()
    {
        var phone = DeliveryData.NewPhone();
        var (project, survey, staff, _) = await SurveyWithAsync(2046, ("黄婆婆", phone));

        var otherCommunity = await SurveyTestData.PostInviteAsync(await Browser.LoginAsync(app.Factory, "cs-ll"), project);
        Assert.Equal(HttpStatusCode.NotFound, otherCommunity.StatusCode); // cannot see the project at all
        var contractor = await SurveyTestData.PostInviteAsync(await Browser.LoginAsync(app.Factory, "contractor"), project);
        Assert.Equal(HttpStatusCode.Forbidden, contractor.StatusCode); // sees it, may not send
        var auditor = await SurveyTestData.PostInviteAsync(await Browser.LoginAsync(app.Factory, "auditor"), project);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Empty(await JobsOfAsync(survey));
        Assert.Equal(0, await TextsToAsync(phone));

        var job = await SurveyTestData.InviteAsync(app.Factory, staff, project);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var staffId = await db.Users.Where(u => u.UserName == DeliveryData.TangKengUser).Select(u => u.Id).SingleAsync();
        var log = await db.AuditEntries.Where(e => e.Entity == nameof(SurveyInvitation) && e.EntityId == survey.ToString())
            .OrderBy(e => e.Id).Select(e => new { e.UserId, e.Action, e.After }).ToListAsync();
        Assert.Equal(
        [
            new { UserId = (string?)staffId, Action = "Added", After = (string?)"生成答卷凭证 1 份：待短信发送 1 份，无手机号（纸质答卷条）0 份" },
            new { UserId = (string?)staffId, Action = "Modified", After = (string?)"短信发送：成功 1 份，失败转纸质 0 份（本次新生成 1 份）" },
        ], log);
    }
}
