using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>Council sessions, selection, publicity and ballots of one community stay out of another's reach.</summary>
[Collection(DemoCollection.Name)]
public class ScopeTests(DemoApp app)
{
    [Fact]
    public async Task Another_communitys_council_selection_and_publicity_are_not_reachable()
    {
        var project = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2111, 1_0000_00, ProjectStatus.Publicity);
        var session = await Fixtures.QueryAsync(app.Factory, db => db.CouncilScoreSheets.Where(s => s.ProjectId == project).Select(s => s.SessionId).SingleAsync());
        var other = await Browser.LoginAsync(app.Factory, "cs-lh");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Council/Session/{session}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Council/Record/{session}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Publicity/Project/{project}")).Status);
        var liuLian = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var (_, selection) = await other.GetAsync($"/Selection?regionId={liuLian}&year=2111");
        Assert.Null(selection.QuerySelector("[data-testid=selection]"));

        // Answering an objection or approving from outside the scope changes nothing.
        var r = await other.SubmitAsync("/Council", new() { ["comment"] = "同意" }, postUrl: $"/Publicity/Project/{project}?handler=Approve");
        Assert.NotEqual(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(ProjectStatus.Publicity, await TestData.StatusAsync(app.Factory, project));
    }

    [Theory]
    [InlineData("contractor", "/Proposals/Create")]
    [InlineData("finance", "/Council")]
    [InlineData("auditor", "/Selection")]
    [InlineData("resident", "/Voting")]
    public async Task Pages_of_the_process_answer_403_outside_the_staff_roles(string user, string url)
    {
        var browser = await Browser.LoginAsync(app.Factory, user);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(url)).Status);
    }
}
