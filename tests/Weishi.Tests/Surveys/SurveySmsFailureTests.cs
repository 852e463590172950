using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Jobs;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Tests.Surveys;

/// <summary>Survey links whose text message fails are handed out on printed slips instead, by the invitation job.</summary>
[Collection(DemoCollection.Name)]
public class SurveySmsFailureTests(DemoApp app)
{
    [Fact]
    public async Task A_participant_whose_text_could_not_be_sent_gets_a_printed_slip_and_staff_are_told()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2042);
        var (_, sessionToken) = await DeliveryData.SessionAsync(app.Factory, project);
        var reached = DeliveryData.NewPhone();
        var unreached = DeliveryData.NewPhone();
        await Browser.For(app.Factory).SubmitAsync($"/SignIn/{sessionToken}", new() { ["Name"] = "黄婆婆", ["Phone"] = reached, ["IdNumber"] = "" });
        await Browser.For(app.Factory).SubmitAsync($"/SignIn/{sessionToken}", new() { ["Name"] = "陈伯", ["Phone"] = unreached, ["IdNumber"] = "" });
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        await staff.SubmitAsync($"/Surveys/Project/{project}", [], postUrl: $"/Surveys/Project/{project}?handler=Open");

        Job job;
        using (app.Factory.FailSmsTo(unreached))
            job = await SurveyTestData.InviteAsync(app.Factory, staff, project);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        var (_, jobPage) = await staff.GetAsync($"/Jobs/Detail/{job.Id}");
        Assert.Equal("完成：新生成答卷凭证 2 份；已发送 1 / 共 2，失败转纸质 1。本次共 1 份纸质答卷条，请在测评页打印后发放。",
            jobPage.QuerySelector("[data-testid=job-message]")!.TextContent.Trim());
        Assert.Equal($"/Surveys/Project/{project}", jobPage.QuerySelector("[data-testid=job-return]")!.GetAttribute("href"));
        var (_, page) = await staff.GetAsync($"/Surveys/Project/{project}");
        Assert.Equal("1", page.QuerySelector("[data-testid=slip-count]")!.TextContent);
        var slips = page.QuerySelector("[data-testid=slips]")!.TextContent;
        Assert.Contains("陈", slips);
        Assert.DoesNotContain("黄", slips);

        using var scope = app.Factory.Services.CreateScope();
        var personal = scope.ServiceProvider.GetRequiredService<PersonalData>();
        var db = DeliveryData.Db(scope);
        var unreachedHash = await personal.HashAsync(unreached);
        var reachedHash = await personal.HashAsync(reached);
        Assert.Equal(0, await db.SmsOutbox.CountAsync(m => m.PhoneHash == unreachedHash));
        Assert.Equal(1, await db.SmsOutbox.CountAsync(m => m.PhoneHash == reachedHash));
        var delivery = await db.SurveyInvitations.Where(i => i.ProjectId == project).Select(i => i.Delivery).ToListAsync();
        Assert.Equal([InvitationDelivery.Slip, InvitationDelivery.SmsSent], delivery.Order());
    }
}
