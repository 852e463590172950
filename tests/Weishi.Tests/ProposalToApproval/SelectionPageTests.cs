using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.ProposalToApproval;

[Collection(DemoCollection.Name)]
public class SelectionPageTests(DemoApp app)
{
    [Fact]
    public async Task The_page_proposes_winners_within_budget_explains_them_and_records_overrides()
    {
        // 六联 2091: 10 万元 district funds + 10 万元 subsidy = 20 万元. Scores 90 (12 万), 80 (10 万), 70 (9 万).
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, 2091, 10_0000_00);
        var a = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2091, 12_0000_00, ProjectStatus.CommunityReview, 90);
        var b = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2091, 10_0000_00, ProjectStatus.CommunityReview, 80);
        var c = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2091, 9_0000_00, ProjectStatus.CommunityReview, 70);
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var url = $"/Selection?regionId={regionId}&year=2091&rule=OptimalKnapsack&councilWeight=100&voteWeight=0";

        var (_, page) = await staff.GetAsync(url);
        Assert.Equal("20.00", page.QuerySelector("[data-testid=available]")!.TextContent);
        string Row(int id) => page.QuerySelector($"tr[data-project='{id}']")!.TextContent;
        string Outcome(int id) => page.QuerySelector($"tr[data-project='{id}'] [data-testid=outcome]")!.TextContent;
        // Best within 20 万元: B + C (150 points) beats A alone (90) or A + nothing.
        Assert.Equal("入选", Outcome(b));
        Assert.Equal("未入选", Outcome(a));
        Assert.Contains("最优组合不含它", Row(a));

        string S(int n) => n.ToString(CultureInfo.InvariantCulture);
        var overridden = new FormUrlEncodedContent([new("selected", S(a)), new("__RequestVerificationToken", await Fixtures.TokenAsync(staff, url))]);
        var refused = await staff.Client.PostAsync(url, overridden);
        Assert.Contains("请填写调整理由", Fixtures.Errors(await staff.ReadAsync(refused)));
        Assert.Equal(ProjectStatus.CommunityReview, await TestData.StatusAsync(app.Factory, a));

        var withReason = new FormUrlEncodedContent([new("selected", S(a)), new("reason", "A 项目涉及安全隐患，需优先实施"),
            new("__RequestVerificationToken", await Fixtures.TokenAsync(staff, url))]);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.PostAsync(url, withReason)).StatusCode);
        Assert.Equal(ProjectStatus.SubdistrictReview, await TestData.StatusAsync(app.Factory, a));
        Assert.Equal(ProjectStatus.CommunityReview, await TestData.StatusAsync(app.Factory, b));
        var run = await Fixtures.QueryAsync(app.Factory, db => db.SelectionRuns.Include(r => r.Decisions).SingleAsync(r => r.RegionId == regionId && r.Year == 2091));
        Assert.Equal("A 项目涉及安全隐患，需优先实施", run.OverrideReason);
        Assert.True(run.Decisions.Single(d => d.ProjectId == a).Selected);
        Assert.False(run.Decisions.Single(d => d.ProjectId == a).SelectedByRule);
        Assert.Contains("最优组合不含它", run.Decisions.Single(d => d.ProjectId == a).Why);
        _ = c;
    }

    [Fact]
    public async Task A_selection_over_the_remaining_budget_is_refused()
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, 2092, 5_0000_00);
        var a = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2092, 8_0000_00, ProjectStatus.CommunityReview, 90);
        var b = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2092, 8_0000_00, ProjectStatus.CommunityReview, 80);
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var url = $"/Selection?regionId={regionId}&year=2092&rule=GreedyByVotes";
        var form = new FormUrlEncodedContent([new("selected", a.ToString(CultureInfo.InvariantCulture)), new("selected", b.ToString(CultureInfo.InvariantCulture)),
            new("reason", "都要"), new("__RequestVerificationToken", await Fixtures.TokenAsync(staff, url))]);
        var r = await staff.Client.PostAsync(url, form);
        Assert.Contains("超出社区可用预算", Fixtures.Errors(await staff.ReadAsync(r)));
        Assert.Equal(ProjectStatus.CommunityReview, await TestData.StatusAsync(app.Factory, a));
    }

    [Fact]
    public async Task Each_decision_of_a_confirmed_selection_is_in_the_audit_log_with_who_decided()
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, 2078, 10_0000_00);
        var a = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2078, 12_0000_00, ProjectStatus.CommunityReview, 90);
        var b = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2078, 10_0000_00, ProjectStatus.CommunityReview, 80);
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var url = $"/Selection?regionId={regionId}&year=2078&rule=OptimalKnapsack&councilWeight=100&voteWeight=0";
        var form = new FormUrlEncodedContent([new("selected", b.ToString(CultureInfo.InvariantCulture)), new("reason", "B 项目更急需"),
            new("__RequestVerificationToken", await Fixtures.TokenAsync(staff, url))]);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.PostAsync(url, form)).StatusCode);

        var decisions = await Fixtures.QueryAsync(app.Factory, db => db.SelectionDecisions
            .Where(d => d.ProjectId == a || d.ProjectId == b).ToDictionaryAsync(d => d.ProjectId, d => d.Id));
        var ids = decisions.Values.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var rows = await Fixtures.QueryAsync(app.Factory, db => db.AuditEntries
            .Where(e => e.Entity == "SelectionDecision" && e.Action == "Added" && ids.Contains(e.EntityId)).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, e => Assert.Equal("cs-ll", e.UserName));
        var chosen = rows.Single(e => e.EntityId == decisions[b].ToString(CultureInfo.InvariantCulture));
        Assert.Contains($"\"ProjectId\":{b},", chosen.After);
        Assert.Contains("\"Selected\":true", chosen.After);
        var passedOver = rows.Single(e => e.EntityId == decisions[a].ToString(CultureInfo.InvariantCulture));
        Assert.Contains("\"Selected\":false", passedOver.After);
    }
}
