using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Voting;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>
/// A closed ballot's public page says which options were chosen (入选) once staff have confirmed the selection, and says
/// 结果待确认 until then instead of guessing; a selection confirmed before the ballot closed did not count its votes, and the
/// selection page refuses to confirm one while residents are still voting.
/// </summary>
[Collection(DemoCollection.Name)]
public class BallotOutcomeTests(DemoApp app)
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_visitor_sees_the_confirmed_selection_of_a_closed_ballot_and_pending_until_staff_confirm_it()
    {
        const int year = 2124;
        // 六联 2124: 10 万元 district funds + 10 万元 subsidy = 20 万元; the three proposals cost 21 万元 together.
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, year, 10_0000_00);
        var ids = new[]
        {
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 8_0000_00, ProjectStatus.CommunityReview, 80),
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 7_0000_00, ProjectStatus.CommunityReview, 70),
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 6_0000_00, ProjectStatus.CommunityReview, 60),
        };
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync("/Voting", new()
        {
            ["regionId"] = S(regionId), ["year"] = S(year), ["title"] = $"{year} 年六联社区项目投票", ["kind"] = "Approval", ["maxChoices"] = "2",
            ["rule"] = "GreedyByVotes", ["days"] = "7",
        })).StatusCode);
        var ballot = await Fixtures.QueryAsync(app.Factory, db => db.Ballots.Where(b => b.RegionId == regionId && b.Year == year).Select(b => b.Id).SingleAsync());
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            int[][] votes = [[ids[0], ids[2]], [ids[0], ids[2]], [ids[1]]];
            foreach (var chosen in votes)
                db.Votes.Add(new Vote
                {
                    BallotId = ballot, VoterHash = "outcome-" + Guid.NewGuid().ToString("N"), CastAtUtc = DateTime.UtcNow,
                    Choices = chosen.Select(p => new VoteChoice { ProjectId = p }).ToList(),
                });
            // A selection confirmed while the ballot was still open: not this ballot's result.
            var early = new SelectionRun { RegionId = regionId, Year = year, Rule = SelectionRule.GreedyByVotes, CouncilWeight = 70, VoteWeight = 30,
                ByUser = "cs-ll", AtUtc = app.Factory.Clock.GetUtcNow().UtcDateTime };
            foreach (var id in ids)
                early.Decisions.Add(new SelectionDecision { ProjectId = id, Score = 50, Votes = 0, SelectedByRule = true, Selected = true, Why = "投票进行中" });
            db.SelectionRuns.Add(early);
            await db.SaveChangesAsync();
        });
        var visitor = Browser.For(app.Factory);
        var (_, open) = await visitor.GetAsync($"/Public/Vote/{ballot}");
        Assert.Null(open.QuerySelector("[data-testid=outcome]"));
        Assert.Null(open.QuerySelector("[data-testid=outcome-pending]"));

        // Staff cannot confirm a selection through the page while residents are still voting; nothing is stored.
        var selectionUrl = $"/Selection?regionId={regionId}&year={year}";
        var tooEarly = await staff.Client.PostAsync(selectionUrl, new FormUrlEncodedContent(
            [new("selected", S(ids[0])), new("__RequestVerificationToken", await Fixtures.TokenAsync(staff, selectionUrl))]));
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains("尚未结束", (await staff.ReadAsync(tooEarly)).QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal(1, await Fixtures.QueryAsync(app.Factory, db => db.SelectionRuns.CountAsync(r => r.RegionId == regionId && r.Year == year)));

        await staff.SubmitAsync("/Voting", new() { ["id"] = S(ballot) }, postUrl: "/Voting?handler=Close");
        var (_, pending) = await visitor.GetAsync($"/Public/Vote/{ballot}");
        Assert.Equal("3", pending.QuerySelector("[data-testid=total-votes]")!.TextContent);
        Assert.Contains("结果待确认", pending.QuerySelector("[data-testid=outcome-pending]")!.TextContent);
        Assert.Contains("按票数依次入选", pending.QuerySelector("[data-testid=outcome-pending]")!.TextContent);
        Assert.Null(pending.QuerySelector("[data-testid=outcome]"));
        Assert.Empty(pending.QuerySelectorAll("[data-testid=results] [data-testid=selected], [data-testid=results] [data-testid=not-selected]"));

        // Staff confirm the rule's result: most votes first, 8 万 + 6 万 = 14 万, and the 7 万 one no longer fits.
        var url = $"/Selection?regionId={regionId}&year={year}";
        var (_, proposal) = await staff.GetAsync(url);
        var byRule = ids.Where(id => proposal.QuerySelector($"tr[data-project='{id}'] [data-testid=outcome]")!.TextContent == "入选").ToArray();
        Assert.Equal([ids[0], ids[2]], byRule);
        var confirm = await staff.Client.PostAsync(url, new FormUrlEncodedContent(
            [.. byRule.Select(id => new KeyValuePair<string, string>("selected", S(id))), new("__RequestVerificationToken", await Fixtures.TokenAsync(staff, url))]));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        var (_, confirmed) = await visitor.GetAsync($"/Public/Vote/{ballot}");
        Assert.Null(confirmed.QuerySelector("[data-testid=outcome-pending]"));
        Assert.Equal("社区已确认入选项目 2 个（规则：按票数依次入选（贪心））。", confirmed.QuerySelector("[data-testid=outcome]")!.TextContent);
        bool Selected(int id) => confirmed.QuerySelector($"[data-testid=results] tr[data-project='{id}'] [data-testid=selected]") is not null;
        bool NotSelected(int id) => confirmed.QuerySelector($"[data-testid=results] tr[data-project='{id}'] [data-testid=not-selected]") is not null;
        Assert.Equal([true, false, true], ids.Select(Selected));
        Assert.Equal([false, true, false], ids.Select(NotSelected));
        Assert.Equal("入选", confirmed.QuerySelector($"tr[data-project='{ids[0]}'] [data-testid=selected]")!.TextContent);
    }
}
