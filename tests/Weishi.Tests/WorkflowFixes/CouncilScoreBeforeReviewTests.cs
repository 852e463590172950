using System.Globalization;
using System.Net;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>A proposal reaches 街道审核 only with a council score, and one that got there without has a way back.</summary>
[Collection(DemoCollection.Name)]
public class CouncilScoreBeforeReviewTests(DemoApp app)
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> MoveAsync(Browser who, int id, ProjectStatus to, string reason = "缺少议事会评分") =>
        who.SubmitAsync($"/Projects/Detail/{id}", new() { ["to"] = to.ToString(), ["reason"] = reason }, postUrl: $"/Projects/Detail/{id}?handler=Move");

    private static async Task<string> ErrorAsync(Browser who, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await who.ReadAsync(response)).QuerySelector("[data-testid=error]")!.TextContent;
    }

    [Fact]
    public async Task An_unscored_proposal_is_not_sent_to_the_subdistrict_and_a_scored_one_is()
    {
        var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2037, 1_0000_00, ProjectStatus.CommunityReview);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");

        var error = await ErrorAsync(staff, await MoveAsync(staff, id, ProjectStatus.SubdistrictReview));
        Assert.Contains("没有议事会按筛选标准评分，不能报街道审核", error);
        Assert.Equal(ProjectStatus.CommunityReview, await TestData.StatusAsync(app.Factory, id));

        await Fixtures.ScoreAsync(app.Factory, id, 70);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, id, ProjectStatus.SubdistrictReview)).StatusCode);
        Assert.Equal(ProjectStatus.SubdistrictReview, await TestData.StatusAsync(app.Factory, id));
    }

    [Fact]
    public async Task A_project_stuck_unscored_at_the_subdistrict_goes_back_to_the_council_and_on_again()
    {
        // As the app allowed before: 街道审核 without any council score.
        var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2038, 1_0000_00, ProjectStatus.SubdistrictReview);
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        var publicity = await ErrorAsync(officer, await MoveAsync(officer, id, ProjectStatus.Publicity));
        Assert.Contains("退回社区评议", publicity);

        var (_, page) = await officer.GetAsync($"/Projects/Detail/{id}");
        Assert.Contains(page.QuerySelectorAll("form button"), b => b.TextContent.Trim() == "退回社区评议");
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, id, ProjectStatus.CommunityReview)).StatusCode);
        Assert.Equal(ProjectStatus.CommunityReview, await TestData.StatusAsync(app.Factory, id));

        // Community staff may not send it back themselves.
        var other = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2038, 1_0000_00, ProjectStatus.SubdistrictReview);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        Assert.Contains("角色", await ErrorAsync(staff, await MoveAsync(staff, other, ProjectStatus.CommunityReview)));
        Assert.Equal(ProjectStatus.SubdistrictReview, await TestData.StatusAsync(app.Factory, other));

        // Back in 社区评议 the council's scoring page offers it again.
        await Fixtures.PublishRubricAsync(app.Factory, 2038);
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var created = await staff.SubmitAsync("/Council", new()
        {
            ["regionId"] = S(regionId), ["year"] = "2038", ["heldOn"] = "2037-12-01", ["place"] = "六联社区党群服务中心",
            ["quorum"] = "1", ["members"] = "张三",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, session) = await staff.GetAsync(created.Headers.Location!.OriginalString);
        Assert.NotNull(session.QuerySelector($"#projectId option[value='{id}']"));

        await Fixtures.ScoreAsync(app.Factory, id, 75);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, id, ProjectStatus.SubdistrictReview)).StatusCode);
        Assert.Equal(ProjectStatus.SubdistrictReview, await TestData.StatusAsync(app.Factory, id));
    }
}
