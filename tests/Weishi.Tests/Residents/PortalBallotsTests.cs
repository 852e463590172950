using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Voting;
using static Weishi.Tests.Demands.DemandHelpers;

namespace Weishi.Tests.Residents;

/// <summary>A resident finds the votes open now on the portal, not only through a link someone shared.</summary>
[Collection(DemoCollection.Name)]
public class PortalBallotsTests(DemoApp app)
{
    [Fact]
    public async Task The_portal_lists_the_ballots_open_now_and_links_to_them_but_not_closed_or_future_ones()
    {
        var (open, closed, future) = ("开放投票 " + Marker(), "已结束投票 " + Marker(), "未开始投票 " + Marker());
        var openId = 0;
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var community = await db.Regions.Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Id).FirstAsync();
            var now = app.Factory.Clock.GetUtcNow().UtcDateTime;
            Ballot New(string title, int year, DateTime opens, DateTime closes) => new()
            {
                RegionId = community.Id, Year = year, Title = title, Kind = BallotKind.Approval, MaxChoices = 1,
                Rule = SelectionRule.GreedyByVotes, OpensAtUtc = opens, ClosesAtUtc = closes,
            };
            var ballot = New(open, 2121, now.AddHours(-1), now.AddDays(3));
            db.Ballots.AddRange(ballot, New(closed, 2122, now.AddDays(-8), now.AddDays(-1)), New(future, 2123, now.AddDays(1), now.AddDays(8)));
            await db.SaveChangesAsync();
            openId = ballot.Id;
        });

        var (_, portal) = await Browser.For(app.Factory).GetAsync("/Portal");
        var list = portal.QuerySelector("[data-testid=open-ballots]")!;
        var link = list.QuerySelectorAll("a").Single(a => a.TextContent == open);
        Assert.Equal($"/Public/Vote/{openId}", link.GetAttribute("href"));
        Assert.DoesNotContain(closed, list.TextContent);
        Assert.DoesNotContain(future, list.TextContent);
    }
}
