using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Voting;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Selection_decisions_ballot_options_and_votes_follow_their_community()
    {
        var project = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2112, 1_0000_00, ProjectStatus.CommunityReview);
        var liuLian = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var liuHe = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuHe);
        var (ballotId, runId) = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var ballot = new Ballot { RegionId = liuLian, Year = 2112, Title = "范围测试投票", Kind = BallotKind.Approval, MaxChoices = 1,
                Rule = SelectionRule.GreedyByVotes, OpensAtUtc = DateTime.UtcNow.AddDays(-2), ClosesAtUtc = DateTime.UtcNow.AddDays(-1) };
            ballot.Options.Add(new BallotOption { ProjectId = project });
            db.Ballots.Add(ballot);
            var run = new SelectionRun { RegionId = liuLian, Year = 2112, Rule = SelectionRule.GreedyByVotes, CouncilWeight = 70, VoteWeight = 30, ByUser = "cs-ll", AtUtc = DateTime.UtcNow };
            run.Decisions.Add(new SelectionDecision { ProjectId = project, Score = 80, Votes = 1, SelectedByRule = true, Selected = true, Why = "票数第 1" });
            db.SelectionRuns.Add(run);
            await db.SaveChangesAsync();
            db.Votes.Add(new Vote { BallotId = ballot.Id, VoterHash = "scope-test-" + Guid.NewGuid().ToString("N"), CastAtUtc = DateTime.UtcNow.AddDays(-1.5) });
            await db.SaveChangesAsync();
            return (ballot.Id, run.Id);
        });

        async Task<(int Decisions, int Options, int Votes)> SeenAsync(UserScope who)
        {
            using var scope = app.Factory.Services.CreateScope();
            await using var db = app.Factory.CreateDbContext(scope, who);
            return (await db.SelectionDecisions.CountAsync(d => d.RunId == runId),
                await db.Set<BallotOption>().CountAsync(o => o.BallotId == ballotId),
                await db.Votes.CountAsync(v => v.BallotId == ballotId));
        }
        UserScope Staff(int region) => new("x", "staff", false, false, [region], null, new HashSet<AppRole> { AppRole.CommunityStaff });
        Assert.Equal((1, 1, 1), await SeenAsync(Staff(liuLian)));
        Assert.Equal((0, 0, 0), await SeenAsync(Staff(liuHe)));
        Assert.Equal((0, 0, 0), await SeenAsync(UserScope.Anonymous));

        // The public vote page still shows the closed ballot's options and count to a visitor.
        var (status, page) = await Browser.For(app.Factory).GetAsync($"/Public/Vote/{ballotId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("1", page.QuerySelector("[data-testid=total-votes]")!.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-testid=results] tbody tr"));
    }

    [Fact]
    public async Task Issue_5s_dependents_of_filtered_rows_are_filtered_too()
    {
        // EF warns at start-up about required dependents of a filtered principal that have no filter of their own.
        var unfiltered = await Fixtures.QueryAsync(app.Factory, db => Task.FromResult(db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys().Where(fk => fk.IsRequired && fk.PrincipalEntityType.GetDeclaredQueryFilters().Count > 0
                && e.GetDeclaredQueryFilters().Count == 0).Select(_ => e.ClrType))
            .Where(t => t.Namespace is "Weishi.Web.Features.Selection" or "Weishi.Web.Features.Voting" or "Weishi.Web.Features.Council"
                or "Weishi.Web.Features.Publicity" or "Weishi.Web.Features.Proposals")
            .Select(t => t.Name).Distinct().ToList()));
        Assert.Equal([], unfiltered);
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
