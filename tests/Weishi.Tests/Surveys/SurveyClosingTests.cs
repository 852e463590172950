using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>A survey closes 30 days after its project was completed or accepted; its public link takes one answer per browser.</summary>
[Collection(DemoCollection.Name)]
public class SurveyClosingTests(DemoApp app)
{
    private static Dictionary<string, string> Answer() =>
        new() { ["Answer.Overall"] = "5", ["Answer.MetNeed"] = "5", ["Answer.WouldJoinAgain"] = "true", ["Answer.KnewBefore"] = "false", ["Answer.Comment"] = "" };

    private async Task<int> ResponsesAsync(int projectId)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).SurveyResponses.CountAsync(r => r.ProjectId == projectId);
    }

    /// <summary>A project without a register, in the given state since the given time, with its survey opened; returns its public token.</summary>
    private async Task<(int ProjectId, string Token)> SurveyedAsync(ProjectStatus status, DateTime since)
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2045, status: status);
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        await db.Projects.Where(p => p.Id == project).ExecuteUpdateAsync(u => u.SetProperty(p => p.StatusChangedAtUtc, since));
        var survey = await SurveyOpening.EnsureOpenAsync(db, project, default);
        return (project, survey.PublicToken);
    }

    [Fact]
    public async Task The_survey_of_a_project_finished_long_ago_takes_no_answers()
    {
        var (project, token) = await SurveyedAsync(ProjectStatus.Accepted, DateTime.UtcNow.AddDays(-45));
        var phone = Browser.For(app.Factory);
        var (status, page) = await phone.GetAsync($"/Survey/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("问卷已于 30 天后截止", page.QuerySelector("[data-testid=closed]")!.TextContent);
        var late = await phone.SubmitAsync("/Account/Login", Answer(), postUrl: $"/Survey/{token}");
        Assert.Contains("截止", (await phone.ReadAsync(late)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await ResponsesAsync(project));

        // Within 30 days of acceptance the survey still takes answers.
        var (recent, recentToken) = await SurveyedAsync(ProjectStatus.Accepted, DateTime.UtcNow.AddDays(-5));
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.For(app.Factory).SubmitAsync($"/Survey/{recentToken}", Answer())).StatusCode);
        Assert.Equal(1, await ResponsesAsync(recent));
    }

    [Fact]
    public async Task The_demo_surveys_of_2021_are_closed()
    {
        var tokens = await Fixtures.QueryAsync(app.Factory, db => db.Surveys.Where(s => s.Project!.Year == 2021)
            .OrderBy(s => s.Id).Select(s => new { s.ProjectId, s.PublicToken }).Take(3).ToListAsync());
        Assert.NotEmpty(tokens);
        foreach (var t in tokens)
        {
            var before = await ResponsesAsync(t.ProjectId);
            var visitor = Browser.For(app.Factory);
            var (_, page) = await visitor.GetAsync($"/Survey/{t.PublicToken}");
            Assert.Contains("截止", page.QuerySelector("[data-testid=closed]")!.TextContent);
            await visitor.SubmitAsync("/Account/Login", Answer(), postUrl: $"/Survey/{t.PublicToken}");
            Assert.Equal(before, await ResponsesAsync(t.ProjectId));
        }
    }

    [Fact]
    public async Task The_public_link_takes_one_answer_per_browser()
    {
        var (project, token) = await SurveyedAsync(ProjectStatus.InProgress, DateTime.UtcNow.AddDays(-60));
        var phone = Browser.For(app.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SubmitAsync($"/Survey/{token}", Answer())).StatusCode);
        var again = await phone.SubmitAsync("/Account/Login", Answer(), postUrl: $"/Survey/{token}");
        Assert.Contains("已提交过", (await phone.ReadAsync(again)).QuerySelector("[data-testid=errors]")!.TextContent);
        var (_, page) = await phone.GetAsync($"/Survey/{token}");
        Assert.Contains("已提交过", page.QuerySelector("[data-testid=closed]")!.TextContent);
        Assert.Equal(1, await ResponsesAsync(project));

        // Another resident's phone still answers.
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.For(app.Factory).SubmitAsync($"/Survey/{token}", Answer())).StatusCode);
        Assert.Equal(2, await ResponsesAsync(project));
    }
}
