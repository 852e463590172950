using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>The demo's 2023 councils, ballots and selections, including the report's unscored projects and unexplained choices.</summary>
[Collection(DemoCollection.Name)]
public class DemoSelectionTests(DemoApp app)
{
    [Fact]
    public async Task Every_community_has_a_2023_council_session_and_selection_and_some_ballots()
    {
        var (communities, sessions, runs, ballots, votes) = await Fixtures.QueryAsync(app.Factory, async db => (
            await db.Projects.Where(p => p.Year == 2023 && ProjectWorkflow.Implemented.Contains(p.Status)).Select(p => p.RegionId).Distinct().CountAsync(),
            await db.CouncilSessions.Where(s => s.Year == 2023).Select(s => s.RegionId).Distinct().CountAsync(),
            await db.SelectionRuns.Where(r => r.Year == 2023).Select(r => r.RegionId).Distinct().CountAsync(),
            await db.Ballots.CountAsync(b => b.Year == 2023),
            await db.Votes.CountAsync(v => v.Ballot!.Year == 2023)));
        Assert.Equal(communities, sessions);
        Assert.Equal(communities, runs);
        Assert.Equal(3, ballots);
        Assert.InRange(votes, 90, 180);
        // Every session is valid: quorum reached and a deputy present.
        var invalid = await Fixtures.QueryAsync(app.Factory, async db => (await db.CouncilSessions.Include(s => s.Members).Where(s => s.Year == 2023).ToListAsync())
            .Count(s => s.ValidityProblem() is not null));
        Assert.Equal(0, invalid);
    }

    [Fact]
    public async Task Some_2023_projects_have_no_rubric_score_and_some_selections_go_against_the_ranking_without_reasons()
    {
        var (implemented, scored) = await Fixtures.QueryAsync(app.Factory, async db => (
            await db.Projects.CountAsync(p => p.Year == 2023 && ProjectWorkflow.Implemented.Contains(p.Status)),
            await db.Projects.CountAsync(p => p.Year == 2023 && ProjectWorkflow.Implemented.Contains(p.Status)
                && db.CouncilScoreSheets.Any(s => s.ProjectId == p.Id))));
        Assert.InRange(implemented - scored, 10, implemented / 5);

        var unexplained = await Fixtures.QueryAsync(app.Factory, db => db.SelectionDecisions
            .Where(d => d.Selected != d.SelectedByRule && db.SelectionRuns.Any(r => r.Id == d.RunId && r.Year == 2023 && r.OverrideReason == null))
            .Select(d => d.ProjectId).ToListAsync());
        Assert.NotEmpty(unexplained);
        // A proposal ranked above a chosen one was passed over with no reason recorded.
        var passedOver = await Fixtures.QueryAsync(app.Factory, db => db.SelectionDecisions
            .Where(d => !d.Selected && db.SelectionRuns.Any(r => r.Id == d.RunId && r.Year == 2023 && r.OverrideReason == null)
                && db.SelectionDecisions.Any(o => o.RunId == d.RunId && o.Selected && o.Score < d.Score))
            .CountAsync());
        Assert.InRange(passedOver, 1, 10);
    }
}
