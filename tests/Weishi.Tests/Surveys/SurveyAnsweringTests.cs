using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>Distribution and the public answer page: single-use tokens, anonymous links, refusals in Chinese.</summary>
[Collection(DemoCollection.Name)]
public partial class SurveyAnsweringTests(DemoApp app)
{
    private static Dictionary<string, string> Answer(string overall = "4", string metNeed = "4", string again = "true", string knew = "false", string comment = "") =>
        new() { ["Answer.Overall"] = overall, ["Answer.MetNeed"] = metNeed, ["Answer.WouldJoinAgain"] = again, ["Answer.KnewBefore"] = knew, ["Answer.Comment"] = comment };

    private async Task<int> ResponsesAsync(int projectId)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).SurveyResponses.CountAsync(r => r.ProjectId == projectId);
    }

    /// <summary>A delivered project with one signed-in participant, its survey opened and tokens sent by staff.</summary>
    private async Task<(int ProjectId, string InvitationToken)> InvitedAsync()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2042);
        var (_, sessionToken) = await DeliveryData.SessionAsync(app.Factory, project);
        var phone = DeliveryData.NewPhone();
        await Browser.For(app.Factory).SubmitAsync($"/SignIn/{sessionToken}", new() { ["Name"] = "黄婆婆", ["Phone"] = phone, ["IdNumber"] = "" });

        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var opened = await staff.SubmitAsync($"/Surveys/Project/{project}", [], postUrl: $"/Surveys/Project/{project}?handler=Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var job = await SurveyTestData.InviteAsync(app.Factory, staff, project);
        Assert.Equal(Weishi.Web.Infrastructure.Jobs.JobStatus.Succeeded, job.Status);

        using var scope = app.Factory.Services.CreateScope();
        var hash = await scope.ServiceProvider.GetRequiredService<Weishi.Web.Infrastructure.Privacy.PersonalData>().HashAsync(phone);
        var text = await DeliveryData.Db(scope).SmsOutbox.Where(m => m.PhoneHash == hash).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync();
        return (project, SurveyLink().Match(text).Groups[1].Value);
    }

    [GeneratedRegex("/Survey/([0-9a-f]{24})")]
    private static partial Regex SurveyLink();

    [Fact]
    public async Task A_participant_answers_once_with_the_sms_token_and_a_second_answer_is_refused()
    {
        var (project, token) = await InvitedAsync();
        var phone = Browser.For(app.Factory);
        var (status, page) = await phone.GetAsync($"/Survey/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("测试项目", page.QuerySelector("[data-testid=project-name]")!.TextContent);
        var first = await phone.SubmitAsync($"/Survey/{token}", Answer("2", "3", comment: "时间安排太紧"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(1, await ResponsesAsync(project));

        var (_, again) = await Browser.For(app.Factory).GetAsync($"/Survey/{token}");
        Assert.Contains("已提交过", again.QuerySelector("[data-testid=closed]")!.TextContent);
        var second = await phone.SubmitAsync("/Account/Login", Answer("5", "5"), postUrl: $"/Survey/{token}");
        Assert.Contains("已提交过", (await phone.ReadAsync(second)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(1, await ResponsesAsync(project));

        using var scope = app.Factory.Services.CreateScope();
        var stored = await DeliveryData.Db(scope).SurveyResponses.SingleAsync(r => r.ProjectId == project);
        Assert.Equal((2, 3, "时间安排太紧"), (stored.Overall, stored.MetNeed, stored.Comment));
        Assert.NotNull(stored.InvitationId);
    }

    [Fact]
    public async Task Concurrent_submissions_of_one_token_store_one_answer()
    {
        var (project, token) = await InvitedAsync();
        var phones = Enumerable.Range(0, 8).Select(_ => Browser.For(app.Factory)).ToList();
        var responses = await Task.WhenAll(phones.Select(p => p.SubmitAsync("/Account/Login", Answer(), postUrl: $"/Survey/{token}")));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await ResponsesAsync(project));
    }

    [Fact]
    public async Task Forged_and_expired_tokens_are_refused()
    {
        var (project, token) = await InvitedAsync();
        var forged = token[..^1] + (token[^1] == '0' ? '1' : '0');
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.For(app.Factory).GetAsync($"/Survey/{forged}")).Status);
        var response = await Browser.For(app.Factory).SubmitAsync("/Account/Login", Answer(), postUrl: $"/Survey/{forged}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            await db.SurveyInvitations.IgnoreQueryFilters().Where(i => i.Token == token)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresAtUtc, DateTime.UtcNow.AddDays(-1)));
        }
        var phone = Browser.For(app.Factory);
        var (_, page) = await phone.GetAsync($"/Survey/{token}");
        Assert.Contains("已过期", page.QuerySelector("[data-testid=closed]")!.TextContent);
        var late = await phone.SubmitAsync("/Account/Login", Answer(), postUrl: $"/Survey/{token}");
        Assert.Contains("已过期", (await phone.ReadAsync(late)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await ResponsesAsync(project));
    }

    [Theory]
    [InlineData("6", "4", "", "只能选择 1 到 5 分")]
    [InlineData("0", "4", "", "只能选择 1 到 5 分")]
    [InlineData("", "4", "", "请选择总体满意度")]
    [InlineData("4", "4", "<script>alert(1)</script>", "不能包含网页代码")]
    [InlineData("4", "4", "<img src=x onerror=alert(1)>", "不能包含网页代码")]
    public async Task Bad_answers_get_a_chinese_message_and_nothing_is_saved(string overall, string metNeed, string comment, string message)
    {
        var (project, token) = await InvitedAsync();
        var phone = Browser.For(app.Factory);
        var response = await phone.SubmitAsync($"/Survey/{token}", Answer(overall, metNeed, comment: comment));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await phone.ReadAsync(response);
        Assert.Contains(message, doc.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.DoesNotContain("<script>alert(1)", doc.Body!.InnerHtml);
        Assert.Equal(0, await ResponsesAsync(project));
    }

    [Fact]
    public async Task A_missing_yes_no_answer_is_refused()
    {
        var (project, token) = await InvitedAsync();
        var phone = Browser.For(app.Factory);
        var fields = Answer();
        fields.Remove("Answer.KnewBefore");
        var doc = await phone.ReadAsync(await phone.SubmitAsync($"/Survey/{token}", fields));
        Assert.Contains("听说过民生微实事", doc.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await ResponsesAsync(project));
    }

    [Fact]
    public async Task Without_a_register_the_public_link_takes_anonymous_answers_and_with_one_it_does_not()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2042);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        await staff.SubmitAsync($"/Surveys/Project/{project}", [], postUrl: $"/Surveys/Project/{project}?handler=Open");
        var (_, page) = await staff.GetAsync($"/Surveys/Project/{project}");
        Assert.NotNull(page.QuerySelector("img[data-testid=qr][src^='data:image/png;base64,']"));
        var url = page.QuerySelector("[data-testid=public-url]")!.TextContent;
        var path = new Uri(url).AbsolutePath;

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await Browser.For(app.Factory).SubmitAsync(path, Answer("5", "4", knew: "true"))).StatusCode);
        Assert.Equal(2, await ResponsesAsync(project));

        // Another project whose participants are registered and invited: its public link no longer takes answers.
        var (invitedProject, _) = await InvitedAsync();
        string publicToken;
        using (var scope = app.Factory.Services.CreateScope())
            publicToken = await DeliveryData.Db(scope).Surveys.Where(s => s.ProjectId == invitedProject).Select(s => s.PublicToken).SingleAsync();
        var visitor = Browser.For(app.Factory);
        var refused = await visitor.SubmitAsync("/Account/Login", Answer(), postUrl: $"/Survey/{publicToken}");
        Assert.Contains("一人一码", (await visitor.ReadAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await ResponsesAsync(invitedProject));
    }

    [Fact]
    public async Task Staff_of_another_community_cannot_see_or_open_the_survey()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2042, community: "440310001003");
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Surveys/Project/{project}")).Status);
    }
}
