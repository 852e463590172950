using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Participants;

namespace Weishi.Tests.Delivery;

/// <summary>QR sign-in on the public page and the pseudonymous participant register.</summary>
[Collection(DemoCollection.Name)]
public class SignInTests(DemoApp app)
{
    private static Dictionary<string, string> Form(string name, string phone, string? id = null) =>
        new() { ["Name"] = name, ["Phone"] = phone, ["IdNumber"] = id ?? "" };

    private async Task<int> CountAsync(int sessionId)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).Attendances.CountAsync(a => a.SessionId == sessionId);
    }

    [Fact]
    public async Task A_participant_signs_in_anonymously_and_no_clear_phone_or_id_is_stored()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2041);
        var (sessionId, token) = await DeliveryData.SessionAsync(app.Factory, project);
        var phone = DeliveryData.NewPhone();
        var idNumber = DeliveryData.NewIdNumber();
        var visitor = Browser.For(app.Factory);

        var (status, page) = await visitor.GetAsync($"/SignIn/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("测试项目", page.QuerySelector("[data-testid=session-title]")!.TextContent);
        var response = await visitor.SubmitAsync($"/SignIn/{token}", Form("陈阿姨", phone, idNumber));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountAsync(sessionId));

        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var person = await db.Attendances.Where(a => a.SessionId == sessionId).Select(a => a.Participant!).SingleAsync();
        var stored = typeof(Participant).GetProperties().Where(p => p.PropertyType == typeof(string))
            .Select(p => (string?)p.GetValue(person) ?? "").ToList();
        Assert.DoesNotContain(stored, v => v.Contains(phone, StringComparison.Ordinal) || v.Contains(idNumber, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(stored, v => v.Contains(phone[3..7], StringComparison.Ordinal) && v.Length < 40);
        Assert.Equal(phone[..3] + "****" + phone[^4..], person.PhoneMasked);
        Assert.Equal(1958, person.BirthYear);
        // The audit log of the sign-in holds no clear number either.
        Assert.False(await db.AuditEntries.AnyAsync(a => (a.After ?? "").Contains(phone) || (a.After ?? "").Contains(idNumber)));

        // Staff see the sign-in sheet with the phone masked.
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, sheet) = await staff.GetAsync($"/Delivery/Session/{sessionId}");
        var row = sheet.QuerySelector("[data-testid=attendees] tbody tr")!.TextContent;
        Assert.Contains("陈阿姨", row);
        Assert.Contains(person.PhoneMasked!, row);
        Assert.DoesNotContain(phone, sheet.Body!.InnerHtml);
        Assert.NotNull(sheet.QuerySelector("img[data-testid=qr][src^='data:image/png;base64,']"));
    }

    [Fact]
    public async Task The_same_person_in_two_projects_is_one_participant()
    {
        var first = await DeliveryData.ProjectAsync(app.Factory, 2041);
        var second = await DeliveryData.ProjectAsync(app.Factory, 2041, community: "440310001003");
        var (s1, t1) = await DeliveryData.SessionAsync(app.Factory, first);
        var (s2, t2) = await DeliveryData.SessionAsync(app.Factory, second);
        var phone = DeliveryData.NewPhone();
        var visitor = Browser.For(app.Factory);
        await visitor.SubmitAsync($"/SignIn/{t1}", Form("李伯", phone));
        await visitor.SubmitAsync($"/SignIn/{t2}", Form("李伯伯", " " + phone + " "));

        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var people = await db.Attendances.Where(a => a.SessionId == s1 || a.SessionId == s2).Select(a => a.ParticipantId).ToListAsync();
        Assert.Equal(2, people.Count);
        Assert.Single(people.Distinct());
    }

    [Fact]
    public async Task Concurrent_scans_of_one_person_make_one_sign_in()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2041);
        var (sessionId, token) = await DeliveryData.SessionAsync(app.Factory, project);
        var phone = DeliveryData.NewPhone();
        var visitors = Enumerable.Range(0, 8).Select(_ => Browser.For(app.Factory)).ToList();
        var responses = await Task.WhenAll(visitors.Select(v => v.SubmitAsync($"/SignIn/{token}", Form("王姐", phone))));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal(1, await CountAsync(sessionId));
        using var scope = app.Factory.Services.CreateScope();
        var hash = await scope.ServiceProvider.GetRequiredService<Weishi.Web.Infrastructure.Privacy.PersonalData>().HashAsync(phone);
        Assert.Equal(1, await DeliveryData.Db(scope).Participants.CountAsync(p => p.PhoneHash == hash));

        // Scanning again later: told so, still one.
        var again = await Browser.For(app.Factory).SubmitAsync($"/SignIn/{token}", Form("王姐", phone));
        Assert.Contains("已签到", (await Browser.For(app.Factory).ReadAsync(again)).QuerySelector("[data-testid=notice]")!.TextContent);
        Assert.Equal(1, await CountAsync(sessionId));
    }

    [Fact]
    public async Task A_sign_in_after_the_session_ended_is_refused()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2041);
        var (sessionId, token) = await DeliveryData.SessionAsync(app.Factory, project, ended: true);
        var visitor = Browser.For(app.Factory);
        var (_, page) = await visitor.GetAsync($"/SignIn/{token}");
        Assert.Contains("已结束", page.QuerySelector("[data-testid=ended]")!.TextContent);
        // The page has no form any more; post as a phone that kept the old page open would.
        var response = await visitor.SubmitAsync("/Account/Login", Form("赵叔", DeliveryData.NewPhone()), postUrl: $"/SignIn/{token}");
        var doc = await visitor.ReadAsync(response);
        Assert.Contains("签到已关闭", doc.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await CountAsync(sessionId));
    }

    [Fact]
    public async Task A_sign_in_days_before_the_session_is_refused_and_opens_an_hour_before_it_starts()
    {
        // Another contractor than the demo's, so these projects do not crowd the demo contractor's deviation list.
        var project = await DeliveryData.ProjectAsync(app.Factory, 2041, contractorId: await Surveys.SurveyTestData.OtherContractorAsync(app.Factory));
        var (sessionId, token) = await DeliveryData.SessionAsync(app.Factory, project, startsIn: TimeSpan.FromDays(3));
        var visitor = Browser.For(app.Factory);
        var (_, page) = await visitor.GetAsync($"/SignIn/{token}");
        Assert.Contains("签到尚未开始", page.QuerySelector("[data-testid=not-open]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=signin-form]"));
        // A phone that kept an old page open, or a scripted post, is refused too and nothing is stored.
        var response = await visitor.SubmitAsync("/Account/Login", Form("赵叔", DeliveryData.NewPhone()), postUrl: $"/SignIn/{token}");
        var doc = await visitor.ReadAsync(response);
        Assert.Contains("活动开始前 60 分钟开放签到", doc.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await CountAsync(sessionId));

        // Half an hour before the start the code is accepted.
        var (soonId, soonToken) = await DeliveryData.SessionAsync(app.Factory, project, startsIn: TimeSpan.FromMinutes(30));
        var (_, soonPage) = await visitor.GetAsync($"/SignIn/{soonToken}");
        Assert.NotNull(soonPage.QuerySelector("[data-testid=signin-form]"));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SubmitAsync($"/SignIn/{soonToken}", Form("赵叔", DeliveryData.NewPhone()))).StatusCode);
        Assert.Equal(1, await CountAsync(soonId));
    }

    [Fact]
    public async Task Staff_cannot_enter_sign_ins_before_the_sign_in_opens_and_nothing_is_stored()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2041, contractorId: await Surveys.SurveyTestData.OtherContractorAsync(app.Factory));
        var (sessionId, _) = await DeliveryData.SessionAsync(app.Factory, project, startsIn: TimeSpan.FromDays(3));
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, page) = await staff.GetAsync($"/Delivery/Session/{sessionId}");
        Assert.Contains("活动尚未开始，不能录入签到", page.QuerySelector("[data-testid=entry-not-open]")!.TextContent);

        var phone = DeliveryData.NewPhone();
        var refused = await staff.SubmitAsync($"/Delivery/Session/{sessionId}", new() { ["Name"] = "钱伯", ["Phone"] = phone, ["IdNumber"] = "" },
            postUrl: $"/Delivery/Session/{sessionId}?handler=Attendee", formSelector: "[data-testid=attendee-form]");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("活动尚未开始，不能录入签到：活动开始前 60 分钟起可录入", (await staff.ReadAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await CountAsync(sessionId));
        using (var scope = app.Factory.Services.CreateScope())
        {
            var hash = await scope.ServiceProvider.GetRequiredService<Weishi.Web.Infrastructure.Privacy.PersonalData>().HashAsync(phone);
            Assert.False(await DeliveryData.Db(scope).Participants.AnyAsync(p => p.PhoneHash == hash));
        }

        // Half an hour before the start, as the QR code, staff entry is taken.
        var (soonId, _) = await DeliveryData.SessionAsync(app.Factory, project, startsIn: TimeSpan.FromMinutes(30));
        var entered = await staff.SubmitAsync($"/Delivery/Session/{soonId}", new() { ["Name"] = "钱伯", ["Phone"] = phone, ["IdNumber"] = "" },
            postUrl: $"/Delivery/Session/{soonId}?handler=Attendee", formSelector: "[data-testid=attendee-form]");
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        Assert.Equal(1, await CountAsync(soonId));
    }

    [Fact]
    public async Task A_session_scheduled_ahead_is_not_counted_as_held_on_the_project_page()
    {
        // Another contractor than the demo's, so these projects do not crowd the demo contractor's deviation list.
        var project = await DeliveryData.ProjectAsync(app.Factory, 2041, contractorId: await Surveys.SurveyTestData.OtherContractorAsync(app.Factory));
        await DeliveryData.SessionAsync(app.Factory, project);
        await DeliveryData.SessionAsync(app.Factory, project, startsIn: TimeSpan.FromDays(10));
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, page) = await staff.GetAsync($"/Delivery/{project}");
        Assert.StartsWith("1（", page.QuerySelector("[data-testid=sessions-held]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("440310195805120011", "校验位")]
    [InlineData("44031019580512001", "18 位")]
    public async Task An_id_number_with_a_wrong_check_digit_is_refused(string idNumber, string message)
    {
        if (Weishi.Web.Infrastructure.Privacy.IdNumber.Validate(idNumber) is null) idNumber = idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');
        var project = await DeliveryData.ProjectAsync(app.Factory, 2041);
        var (sessionId, token) = await DeliveryData.SessionAsync(app.Factory, project);
        var visitor = Browser.For(app.Factory);
        var response = await visitor.SubmitAsync($"/SignIn/{token}", Form("孙奶奶", DeliveryData.NewPhone(), idNumber));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await visitor.ReadAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await CountAsync(sessionId));
    }

    [Fact]
    public async Task Staff_enter_an_attendee_by_id_number_who_is_the_same_person_when_scanning_elsewhere()
    {
        var first = await DeliveryData.ProjectAsync(app.Factory, 2041);
        var second = await DeliveryData.ProjectAsync(app.Factory, 2041);
        var (s1, _) = await DeliveryData.SessionAsync(app.Factory, first);
        var (s2, t2) = await DeliveryData.SessionAsync(app.Factory, second);
        var idNumber = DeliveryData.NewIdNumber();
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var entered = await staff.SubmitAsync($"/Delivery/Session/{s1}", new() { ["Name"] = "周伯", ["Phone"] = "", ["IdNumber"] = idNumber },
            postUrl: $"/Delivery/Session/{s1}?handler=Attendee", formSelector: "[data-testid=attendee-form]");
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var empty = await staff.SubmitAsync($"/Delivery/Session/{s1}", new() { ["Name"] = "无号码", ["Phone"] = "", ["IdNumber"] = "" },
            postUrl: $"/Delivery/Session/{s1}?handler=Attendee", formSelector: "[data-testid=attendee-form]");
        Assert.Contains("手机号码或身份证号码", (await staff.ReadAsync(empty)).QuerySelector("[data-testid=errors]")!.TextContent);
        await Browser.For(app.Factory).SubmitAsync($"/SignIn/{t2}", Form("周伯", DeliveryData.NewPhone(), idNumber.ToLowerInvariant()));

        using var scope = app.Factory.Services.CreateScope();
        var people = await DeliveryData.Db(scope).Attendances.Where(a => a.SessionId == s1 || a.SessionId == s2).Select(a => a.ParticipantId).ToListAsync();
        Assert.Equal(2, people.Count);
        Assert.Single(people.Distinct());
    }

    [Fact]
    public async Task Another_communitys_beneficiaries_are_not_shown()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, DeliveryData.TangKeng);
        var stranger = await Browser.LoginAsync(app.Factory, "cs-ll");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Beneficiaries/Community?regionId={regionId}&year=2023")).Status);
        var own = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (status, page) = await own.GetAsync($"/Beneficiaries/Community?regionId={regionId}&year=2023");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=reach] tbody tr"));
        var (_, district) = await own.GetAsync("/Beneficiaries?year=2023");
        Assert.Equal([regionId.ToString()], district.QuerySelectorAll("[data-testid=concentration] tbody tr").Select(r => r.GetAttribute("data-region")));
    }

    [Fact]
    public async Task An_unknown_token_answers_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.For(app.Factory).GetAsync("/SignIn/doesnotexist")).Status);
    }
}
