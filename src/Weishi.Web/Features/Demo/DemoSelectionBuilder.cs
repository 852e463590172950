using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Council;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Screening;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Voting;

using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// 2023's residents' councils, ballots and selections as the source report describes them: every community held a
/// council session with the published rubric, but some projects were never scored, and in a few communities proposals
/// the council ranked higher were passed over for lower-ranked ones without a recorded reason. Adds only rejected
/// proposals, so the years' carried-out projects and spending stay as they are.
/// </summary>
public sealed class DemoSelectionBuilder(WeishiDbContext db)
{
    public const int Year = 2023;
    /// <summary>Share of carried-out projects that never got a council score.</summary>
    public const double UnscoredShare = 0.08;
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"];

    public async Task BuildAsync(CancellationToken ct)
    {
        var rng = new Random(DemoSeeder.Seed + 20);
        var rubrics = new RubricService(db);
        await rubrics.PublishAsync(Year, RubricService.Default, ct);
        var rubric = (await rubrics.CurrentAsync(Year, ct))!;
        var communities = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).ToListAsync(ct);
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => p.Year == Year && ProjectWorkflow.Implemented.Contains(p.Status))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.RegionId, p.Name, p.Type, p.Category, Cost = p.BudgetLines.Sum(l => l.AmountFen) }).ToListAsync(ct);
        var budgets = await new BudgetLedger(db).ForYearAsync(Year, ct);
        var ballotCommunities = communities.Take(3).Select(c => c.Id).ToHashSet();
        var againstRanking = communities.Where((_, i) => i % 5 == 2).Select(c => c.Id).ToHashSet();

        var index = 0;
        foreach (var community in communities)
        {
            var own = projects.Where(p => p.RegionId == community.Id).ToList();
            if (own.Count == 0) continue;
            var session = new CouncilSession
            {
                RegionId = community.Id, Year = Year, HeldOn = new DateOnly(Year - 1, 11, 5 + rng.Next(20)), Place = community.ShortName + "党群服务中心",
                Quorum = 4, RubricId = rubric.Id,
            };
            for (var m = 0; m < 6; m++)
                session.Members.Add(new CouncilMember
                {
                    RegionId = community.Id, Name = Surnames[(index + m * 5) % Surnames.Length] + (m < 2 ? "代表" : "委员") + (m + 1), IsDeputy = m < 2, Present = m != 5,
                });
            db.CouncilSessions.Add(session);

            // Proposals the council liked but the community passed over (only where the report's problem is shown).
            var rejected = new List<Project>();
            if (againstRanking.Contains(community.Id))
            {
                var model = own[rng.Next(own.Count)];
                var proposal = new Project
                {
                    Code = $"{Year}-PS-{community.Abbr}-R01", Year = Year, Name = model.Name + "（扩面）", Type = model.Type, Category = model.Category,
                    Content = $"{community.ShortName}居民议事会推荐的扩面方案，最终未列入年度项目。", RegionId = community.Id,
                    Status = ProjectStatus.Rejected, CreatedAtUtc = new DateTime(Year - 1, 10, 20, 2, 0, 0, DateTimeKind.Utc),
                    StatusChangedAtUtc = new DateTime(Year - 1, 12, 20, 2, 0, 0, DateTimeKind.Utc),
                };
                var cost = Math.Max(1_0000_00, model.Cost / 2 / 10000 * 10000);
                proposal.BudgetLines.Add(new BudgetLine { Item = "服务费", Unit = "项", Quantity = 1, UnitPriceFen = cost, AmountFen = cost });
                db.Projects.Add(proposal);
                rejected.Add(proposal);
            }
            await db.SaveChangesAsync(ct);

            // Scores: most projects by the five present members; a few never scored.
            var present = session.Members.Where(m => m.Present).ToList();
            var scores = new Dictionary<int, decimal>();
            var candidates = own.Select(p => (p.Id, p.Cost, Rejected: false)).Concat(rejected.Select(r => (r.Id, Cost: r.BudgetLines.Sum(l => l.AmountFen), Rejected: true))).ToList();
            foreach (var (id, _, isRejected) in candidates)
            {
                if (!isRejected && rng.NextDouble() < UnscoredShare) continue;
                var level = isRejected ? 8 : 4 + rng.Next(5);
                var totals = new List<decimal>();
                foreach (var member in present)
                {
                    var sheet = new CouncilScoreSheet { SessionId = session.Id, RegionId = community.Id, MemberId = member.Id, ProjectId = id };
                    foreach (var c in rubric.Criteria)
                        sheet.Items.Add(new CouncilScoreItem { CriterionId = c.Id, Points = Math.Clamp(level + rng.Next(-1, 3), 0, RubricCriterion.MaxPoints) });
                    sheet.Total = CouncilScoreSheet.Weighted(sheet.Items.Select(i => (rubric.Criteria.First(c => c.Id == i.CriterionId).Weight, i.Points)));
                    totals.Add(sheet.Total);
                    db.CouncilScoreSheets.Add(sheet);
                }
                scores[id] = Math.Round(totals.Average(), 2);
            }

            // A resident ballot in the first communities (closed before the selection).
            var votes = new Dictionary<int, int>();
            var voters = 0;
            Ballot? ballot = null;
            if (ballotCommunities.Contains(community.Id))
            {
                ballot = new Ballot
                {
                    RegionId = community.Id, Year = Year, Title = $"{Year} 年{community.ShortName}民生微实事项目居民投票", Kind = BallotKind.Approval, MaxChoices = 3,
                    BudgetFen = budgets.GetValueOrDefault(community.Id)?.TotalFen ?? 0, Rule = SelectionRule.GreedyByVotes,
                    OpensAtUtc = new DateTime(Year - 1, 12, 1, 1, 0, 0, DateTimeKind.Utc), ClosesAtUtc = new DateTime(Year - 1, 12, 8, 1, 0, 0, DateTimeKind.Utc),
                };
                ballot.Options.AddRange(candidates.Select(c => new BallotOption { ProjectId = c.Id }));
                db.Ballots.Add(ballot);
                await db.SaveChangesAsync(ct);
                voters = 30 + rng.Next(30);
                for (var v = 0; v < voters; v++)
                {
                    var vote = new Vote { BallotId = ballot.Id, VoterHash = $"demo-{community.Code}-{v:000}", CastAtUtc = ballot.OpensAtUtc.AddHours(rng.Next(160)) };
                    foreach (var pick in candidates.OrderByDescending(c => scores.GetValueOrDefault(c.Id) + rng.Next(40)).Take(1 + rng.Next(3)))
                    {
                        vote.Choices.Add(new VoteChoice { ProjectId = pick.Id });
                        votes[pick.Id] = votes.GetValueOrDefault(pick.Id) + 1;
                    }
                    db.Votes.Add(vote);
                }
            }

            // The selection as confirmed: the rule's result, and what the community actually chose.
            var (councilWeight, voteWeight) = ballot is null ? (100, 0) : (70, 30);
            var combined = candidates.ToDictionary(c => c.Id, c => Math.Round((councilWeight * scores.GetValueOrDefault(c.Id)
                + voteWeight * 100m * votes.GetValueOrDefault(c.Id) / Math.Max(1, voters)) / 100, 2));
            var budget = budgets.GetValueOrDefault(community.Id)?.TotalFen ?? own.Sum(p => p.Cost);
            var rule = ballot?.Rule ?? SelectionRule.OptimalKnapsack;
            var rows = candidates.Select(c => new Candidate(c.Id, c.Cost, combined[c.Id], votes.GetValueOrDefault(c.Id))).ToList();
            var outcome = rule == SelectionRule.GreedyByVotes ? SelectionRules.Greedy(rows, budget) : SelectionRules.Knapsack(rows, budget);
            var run = new SelectionRun
            {
                RegionId = community.Id, Year = Year, Rule = rule, CouncilWeight = councilWeight, VoteWeight = voteWeight, BudgetFen = budget,
                AtUtc = new DateTime(Year - 1, 12, 15, 2, 0, 0, DateTimeKind.Utc), ByUser = DemoAccounts.CommunityUser(community.Abbr),
            };
            foreach (var c in candidates)
                run.Decisions.Add(new SelectionDecision
                {
                    ProjectId = c.Id, Score = combined[c.Id], Votes = votes.GetValueOrDefault(c.Id), SelectedByRule = outcome.IsSelected(c.Id), Selected = !c.Rejected,
                    Why = outcome.Why.GetValueOrDefault(c.Id, "") is { Length: > 300 } w ? w[..300] : outcome.Why.GetValueOrDefault(c.Id, ""),
                });
            // Where the report's problem is shown the departure goes unexplained; elsewhere staff wrote a reason.
            if (run.Decisions.Any(d => d.Selected != d.SelectedByRule) && !againstRanking.Contains(community.Id))
                run.OverrideReason = "街道统筹安排：部分项目为延续性服务，按上年承诺继续实施";
            db.SelectionRuns.Add(run);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            index++;
        }
    }

    public static async Task ClearAsync(WeishiDbContext db, CancellationToken ct)
    {
        await db.SelectionRuns.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.Votes.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.Ballots.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.CouncilScoreSheets.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.CouncilMembers.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.CouncilSessions.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
    }
}
