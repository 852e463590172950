using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Voting;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>
/// Asking for voting codes is limited per client address (each request sends a text message), on its own app with a
/// low limit; voting and reading the ballot are not limited by it.
/// </summary>
public class VotingRateLimitTests
{
    [Fact]
    public async Task The_third_code_request_within_a_minute_is_refused_but_votes_and_reading_are_not()
    {
        await using var app = await OwnApp.StartAsync(("RateLimits:PhoneCodesPerMinute", "2"));
        var ballot = 0;
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var community = await db.Regions.Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Id).FirstAsync();
            var now = app.Factory.Clock.GetUtcNow().UtcDateTime;
            var b = new Ballot
            {
                RegionId = community.Id, Year = 2109, Title = "限流测试投票", Kind = BallotKind.Approval, MaxChoices = 1,
                Rule = SelectionRule.GreedyByVotes, OpensAtUtc = now.AddHours(-1), ClosesAtUtc = now.AddDays(1),
            };
            db.Ballots.Add(b);
            await db.SaveChangesAsync();
            ballot = b.Id;
        });
        var resident = Browser.For(app.Factory);
        var token = await Fixtures.TokenAsync(resident, $"/Public/Vote/{ballot}");

        async Task<HttpStatusCode> PostAsync(string handler, string phone) =>
            (await resident.Client.PostAsync($"/Public/Vote/{ballot}?handler={handler}", new FormUrlEncodedContent(
                [new("Phone", phone), new("Code", "123456"), new("__RequestVerificationToken", token)]))).StatusCode;

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) codes.Add(await PostAsync("Code", "1370000000" + i));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(2, await Fixtures.QueryAsync(app.Factory, db => db.SmsOutbox.CountAsync()));
        // A wrong code is refused by the page (200 with a message), not by the limiter; the ballot can still be read.
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Vote", "13700000000"));
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/Public/Vote/{ballot}")).Status);
    }
}
