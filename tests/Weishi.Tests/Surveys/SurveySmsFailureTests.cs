using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Tests.Surveys;

/// <summary>Survey links whose text message fails are handed out on printed slips instead.</summary>
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

        HttpResponseMessage invited;
        using (app.Factory.FailSmsTo(unreached))
            invited = await staff.SubmitAsync($"/Surveys/Project/{project}", [], postUrl: $"/Surveys/Project/{project}?handler=Invite", formSelector: "form[action*=Invite]");

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var (_, page) = await staff.GetAsync(invited.Headers.Location!.ToString());
        Assert.Equal("已生成 2 份答卷凭证，其中 1 份已短信发送；1 份短信发送失败，已改为纸质凭证，请打印后发放",
            page.QuerySelector("[data-testid=message]")!.TextContent.Trim());
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
        var bySms = await db.SurveyInvitations.Where(i => i.ProjectId == project).Select(i => i.SentBySms).ToListAsync();
        Assert.Equal([false, true], bySms.Order());
    }
}
