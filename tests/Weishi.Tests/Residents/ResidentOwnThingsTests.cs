using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Features.Voting;
using static Weishi.Tests.Demands.DemandHelpers;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Residents;

/// <summary>A signed-in resident's page: own needs (signed in, or earlier with the same phone), ballots voted in, surveys answered.</summary>
[Collection(DemoCollection.Name)]
public class ResidentOwnThingsTests(DemoApp app)
{
    private static IEnumerable<string> Texts(AngleSharp.Html.Dom.IHtmlDocument page, string testId) =>
        page.QuerySelectorAll($"[data-testid={testId}]").Select(e => e.TextContent);

    [Fact]
    public async Task A_need_submitted_signed_in_is_linked_to_the_resident_who_sees_it_and_not_others_needs()
    {
        var (mine, theirs, anonymous) = (Marker(), Marker(), Marker());
        var phone = NewPhone();
        var resident = await SignInAsync(app.Factory, phone);
        var other = await SignInAsync(app.Factory, NewPhone());
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostMultipartAsync("/Portal/Submit", new() { ["Text"] = $"楼道灯坏了 {mine}", ["Community"] = LiuLian })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostMultipartAsync("/Portal/Submit", new() { ["Text"] = $"健身器材坏了 {theirs}", ["Community"] = LiuLian })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.For(app.Factory).PostMultipartAsync("/Portal/Submit",
            new() { ["Text"] = $"路面积水 {anonymous}", ["Community"] = LiuLian, ["Phone"] = NewPhone() })).StatusCode);

        var hash = await HashAsync(app.Factory, phone);
        var userId = await Fixtures.QueryAsync(app.Factory, db => db.Users.Where(u => u.PhoneHash == hash).Select(u => u.Id).SingleAsync());
        Assert.Equal(userId, Assert.Single(await DemandsContainingAsync(app.Factory, mine)).SubmittedByUserId);

        var (_, page) = await resident.GetAsync("/Home/Resident");
        var needs = Texts(page, "my-demand").ToList();
        Assert.Contains(needs, t => t.Contains(mine, StringComparison.Ordinal));
        Assert.DoesNotContain(needs, t => t.Contains(theirs, StringComparison.Ordinal) || t.Contains(anonymous, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_need_given_with_the_same_phone_appears_after_signing_in()
    {
        var marker = Marker();
        var phone = NewPhone();
        var r = await Browser.For(app.Factory).PostMultipartAsync("/Portal/Submit", new() { ["Text"] = $"希望加装扶手 {marker}", ["Community"] = LiuLian, ["Phone"] = phone });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var stored = Assert.Single(await DemandsContainingAsync(app.Factory, marker));
        Assert.Null(stored.SubmittedByUserId);
        Assert.Equal(await HashAsync(app.Factory, phone), stored.ContactPhoneHash);
        Assert.DoesNotContain(phone[3..], stored.ContactPhoneEncrypted);

        var (_, page) = await (await SignInAsync(app.Factory, phone)).GetAsync("/Home/Resident");
        Assert.Contains(Texts(page, "my-demand"), t => t.Contains(marker, StringComparison.Ordinal));
        // Staff's /Home/Resident is their own page too: a district administrator does not see the residents' needs there.
        var (_, admin) = await (await Browser.LoginAsync(app.Factory, "district")).GetAsync("/Home/Resident");
        Assert.DoesNotContain(Texts(admin, "my-demand"), t => t.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ballots_voted_in_and_surveys_answered_are_listed_without_the_choices_or_answers()
    {
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        var title = "居民页测试投票 " + Marker();
        var choice = "";
        var surveyed = "";
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var community = await db.Regions.Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Id).FirstAsync();
            var project = await db.Projects.IgnoreQueryFilters().Where(p => p.RegionId == community.Id).OrderBy(p => p.Id).FirstAsync();
            choice = project.Name;
            var now = app.Factory.Clock.GetUtcNow().UtcDateTime;
            var ballot = new Ballot
            {
                RegionId = community.Id, Year = 2110, Title = title, Kind = BallotKind.Approval, MaxChoices = 1,
                Rule = SelectionRule.GreedyByVotes, OpensAtUtc = now.AddHours(-1), ClosesAtUtc = now.AddDays(1),
            };
            db.Ballots.Add(ballot);
            await db.SaveChangesAsync();
            var vote = new Vote { BallotId = ballot.Id, VoterHash = hash, CastAtUtc = now };
            vote.Choices.Add(new VoteChoice { ProjectId = project.Id });
            db.Votes.Add(vote);

            var survey = await db.Surveys.IgnoreQueryFilters().Include(s => s.Project).OrderBy(s => s.Id).FirstAsync();
            surveyed = survey.Project!.Name;
            var participant = new Participant { Name = "测试居民", PhoneHash = hash, FirstSeenAtUtc = now };
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
            var invitation = new SurveyInvitation
            {
                SurveyId = survey.Id, ProjectId = survey.ProjectId, ParticipantId = participant.Id, Token = "t" + Marker(), ExpiresAtUtc = now.AddDays(7),
            };
            db.SurveyInvitations.Add(invitation);
            await db.SaveChangesAsync();
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = survey.Id, ProjectId = survey.ProjectId, InvitationId = invitation.Id, Overall = 2, MetNeed = 2,
                WouldJoinAgain = false, KnewBefore = true, Comment = "答案内容" + Marker(), SubmittedAtUtc = now, ClientKey = "test",
            });
            await db.SaveChangesAsync();
        });

        var (_, page) = await (await SignInAsync(app.Factory, phone)).GetAsync("/Home/Resident");
        var ballots = Assert.Single(Texts(page, "my-ballot"));
        Assert.Contains(title, ballots);
        Assert.DoesNotContain(choice, page.Body!.TextContent);
        var surveys = Assert.Single(Texts(page, "my-survey"));
        Assert.Contains(surveyed, surveys);
        Assert.Contains("已作答", surveys);
        Assert.DoesNotContain("答案内容", page.Body!.TextContent);

        // Another resident sees neither.
        var (_, others) = await (await SignInAsync(app.Factory, NewPhone())).GetAsync("/Home/Resident");
        Assert.Empty(Texts(others, "my-ballot"));
        Assert.Empty(Texts(others, "my-survey"));
    }
}
