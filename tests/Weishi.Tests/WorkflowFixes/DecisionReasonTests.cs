using System.Net;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>
/// 评议否决, 审核否决, 公示后否决 and 退回社区评议 carry a written reason, stored with the decision and shown on the project page
/// (and, after publicity, on the public page); 审核通过并公示 may carry an opinion.
/// </summary>
[Collection(DemoCollection.Name)]
public class DecisionReasonTests(DemoApp app)
{
    private static Task<HttpResponseMessage> MoveAsync(Browser who, int id, ProjectStatus to, string? reason = null) =>
        ProjectSteps.MoveAsync(who, id, to, reason);

    private Task<List<ProjectDecision>> DecisionsAsync(int id) => ProjectSteps.DecisionsAsync(app.Factory, id);

    [Theory]
    [InlineData(ProjectStatus.CommunityReview, ProjectStatus.Rejected, "cs-ll", "否决理由")]
    [InlineData(ProjectStatus.SubdistrictReview, ProjectStatus.Rejected, "sd-ps", "否决理由")]
    [InlineData(ProjectStatus.Publicity, ProjectStatus.Rejected, "sd-ps", "否决理由")]
    [InlineData(ProjectStatus.SubdistrictReview, ProjectStatus.CommunityReview, "sd-ps", "退回原因")]
    public async Task The_step_is_refused_without_a_reason_and_shows_the_reason_once_taken(ProjectStatus from, ProjectStatus to, string user, string label)
    {
        var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2174, 1_000_00, from);
        var who = await Browser.LoginAsync(app.Factory, user);

        var (_, page) = await who.GetAsync($"/Projects/Detail/{id}");
        var form = page.QuerySelector($"[data-testid=step-form-{to}]");
        Assert.NotNull(form);
        Assert.NotNull(form.QuerySelector("textarea[name=reason][required]"));
        if (to == ProjectStatus.Rejected) Assert.Contains("不能恢复", form.GetAttribute("data-confirm"));

        var tooLong = new string('长', ProjectDecision.MaxReasonLength + 1);
        foreach (var missing in new[] { null, "   ", tooLong })
        {
            var refused = await who.ReadAsync(await MoveAsync(who, id, to, missing));
            Assert.Contains(missing == tooLong ? $"{label}不能超过 500 字" : $"请填写{label}", refused.QuerySelector("[data-testid=error]")!.TextContent);
            Assert.Equal(from, await TestData.StatusAsync(app.Factory, id));
        }
        Assert.Empty(await DecisionsAsync(id));

        const string reason = "与已实施的长者饭堂项目重复";
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(who, id, to, "  " + reason + " ")).StatusCode);
        Assert.Equal(to, await TestData.StatusAsync(app.Factory, id));
        var decision = Assert.Single(await DecisionsAsync(id));
        Assert.Equal((from, to, reason, user), (decision.From, decision.To, decision.Reason, decision.DecidedBy));

        (_, page) = await who.GetAsync($"/Projects/Detail/{id}");
        Assert.Contains($"{label}：{reason}", page.QuerySelector("[data-testid=status-reason]")!.TextContent);
        Assert.Contains(reason, page.QuerySelector("[data-testid=decisions]")!.TextContent);
    }

    [Fact]
    public async Task A_project_rejected_after_publicity_keeps_its_public_page_with_the_reason()
    {
        var announced = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2175, 1_000_00, ProjectStatus.Publicity);
        var unannounced = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2175, 1_000_00, ProjectStatus.SubdistrictReview);
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, announced, ProjectStatus.Rejected, "公示期间居民反映场地存在安全隐患")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, unannounced, ProjectStatus.Rejected, "内部理由")).StatusCode);

        var visitor = Browser.For(app.Factory);
        var (status, page) = await visitor.GetAsync($"/Public/Projects/Detail/{announced}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("已否决", page.QuerySelector("[data-testid=public-status]")!.TextContent.Trim());
        Assert.Contains("理由：公示期间居民反映场地存在安全隐患", page.QuerySelector("[data-testid=public-rejection]")!.TextContent);
        // Never announced: its rejection stays internal.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Public/Projects/Detail/{unannounced}")).Status);
    }

    [Fact]
    public async Task Approval_for_publicity_may_carry_an_opinion()
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, 2176, 100_0000_00);
        var plain = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2176, 1_0000_00);
        var opined = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2176, 1_0000_00);
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");

        var (_, page) = await officer.GetAsync($"/Projects/Detail/{plain}");
        var box = page.QuerySelector("[data-testid=step-form-Publicity] textarea[name=reason]");
        Assert.NotNull(box);
        Assert.False(box.HasAttribute("required"));

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, plain, ProjectStatus.Publicity, null)).StatusCode);
        Assert.Null(Assert.Single(await DecisionsAsync(plain)).Reason);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, opined, ProjectStatus.Publicity, "同意，注意控制场地租金")).StatusCode);
        Assert.Equal("同意，注意控制场地租金", Assert.Single(await DecisionsAsync(opined)).Reason);
        (_, page) = await officer.GetAsync($"/Projects/Detail/{opined}");
        Assert.Contains("审核意见：同意，注意控制场地租金", page.QuerySelector("[data-testid=status-reason]")!.TextContent);
    }

    [Fact]
    public async Task A_step_that_asks_no_reason_stores_none()
    {
        var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2174, 1_000_00, ProjectStatus.Submitted);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, id, ProjectStatus.Withdrawn, "随便写的")).StatusCode);
        var decision = Assert.Single(await DecisionsAsync(id));
        Assert.Equal((ProjectStatus.Submitted, ProjectStatus.Withdrawn, (string?)null), (decision.From, decision.To, decision.Reason));
    }
}
