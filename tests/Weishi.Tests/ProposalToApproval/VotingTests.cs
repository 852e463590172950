using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Voting;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Tests.ProposalToApproval;

[Collection(DemoCollection.Name)]
public partial class VotingTests(DemoApp app)
{
    private static string S(long n) => n.ToString(CultureInfo.InvariantCulture);
    private static int _phone;

    private static readonly int PhoneBase = Random.Shared.Next(0, 50_000_000);

    private static string NewPhone() => "139" + S(PhoneBase + Interlocked.Increment(ref _phone)).PadLeft(8, '0');

    /// <summary>A ballot over three scored proposals of 六联 in the given year; returns the ballot and project ids.</summary>
    private async Task<(int Ballot, int[] Projects)> BallotAsync(int year, string kind = "Approval", string rule = "GreedyByVotes", int maxChoices = 2)
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, year, 10_0000_00);
        var ids = new[]
        {
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 8_0000_00, ProjectStatus.CommunityReview, 80),
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 8_0000_00, ProjectStatus.CommunityReview, 70),
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 6_0000_00, ProjectStatus.CommunityReview, 60),
        };
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var r = await staff.SubmitAsync("/Voting", new()
        {
            ["regionId"] = S(regionId), ["year"] = S(year), ["title"] = $"{year} 年六联社区项目投票", ["kind"] = kind, ["maxChoices"] = S(maxChoices),
            ["rule"] = rule, ["days"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var ballot = await Fixtures.QueryAsync(app.Factory, db => db.Ballots.Where(b => b.RegionId == regionId && b.Year == year).Select(b => b.Id).SingleAsync());
        return (ballot, ids);
    }

    private async Task<string> RequestCodeAsync(Browser resident, int ballot, string phone)
    {
        var r = await resident.SubmitAsync($"/Public/Vote/{ballot}", new() { ["Phone"] = phone }, postUrl: $"/Public/Vote/{ballot}?handler=Code");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("", Fixtures.Errors(await resident.ReadAsync(r)));
        using var scope = app.Factory.Services.CreateScope();
        var hash = await scope.ServiceProvider.GetRequiredService<PersonalData>().HashAsync(phone);
        var text = await Fixtures.Db(scope).SmsOutbox.Where(m => m.PhoneHash == hash).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync();
        return CodePattern().Match(text).Value;
    }

    private static FormUrlEncodedContent VoteForm(string token, string phone, string code, params int[] choices) =>
        new([new("Phone", phone), new("code", code), new("__RequestVerificationToken", token), .. choices.Select(c => new KeyValuePair<string, string>("choices", S(c)))]);

    private async Task<HttpResponseMessage> VoteAsync(Browser resident, int ballot, string phone, string code, params int[] choices) =>
        await resident.Client.PostAsync($"/Public/Vote/{ballot}?handler=Vote", VoteForm(await Fixtures.TokenAsync(resident, $"/Public/Vote/{ballot}"), phone, code, choices));

    private Task<int> VotesAsync(int ballot) => Fixtures.QueryAsync(app.Factory, db => db.Votes.CountAsync(v => v.BallotId == ballot));

    [Fact]
    public async Task A_verified_resident_votes_once_and_results_appear_after_close()
    {
        var (ballot, ids) = await BallotAsync(2101);
        var resident = Browser.For(app.Factory);
        var phone = NewPhone();
        var code = await RequestCodeAsync(resident, ballot, phone);
        Assert.Matches("^[0-9]{6}$", code);
        // The code is stored only as a keyed hash.
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.Where(c => c.Purpose == VotingService.CodePurpose(ballot)).Select(c => c.CodeHash).SingleAsync());
        Assert.DoesNotContain(code, stored);

        Assert.Contains("验证码不正确", Fixtures.Errors(await resident.ReadAsync(await VoteAsync(resident, ballot, phone, code == "000000" ? "111111" : "000000", ids[0]))));
        Assert.Contains("最多只能选择 2 个", Fixtures.Errors(await resident.ReadAsync(await VoteAsync(resident, ballot, phone, code, ids))));
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(resident, ballot, phone, code, ids[0], ids[2])).StatusCode);
        Assert.Equal(1, await VotesAsync(ballot));

        // A second vote with a fresh code is refused.
        var again = await RequestCodeAsync(resident, ballot, phone);
        Assert.Contains("已经投过票", Fixtures.Errors(await resident.ReadAsync(await VoteAsync(resident, ballot, phone, again, ids[1]))));
        Assert.Equal(1, await VotesAsync(ballot));

        var (_, open) = await resident.GetAsync($"/Public/Vote/{ballot}");
        Assert.Null(open.QuerySelector("[data-testid=results]"));

        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        await staff.SubmitAsync("/Voting", new() { ["id"] = S(ballot) }, postUrl: "/Voting?handler=Close");
        var (_, closed) = await resident.GetAsync($"/Public/Vote/{ballot}");
        Assert.Equal("1", closed.QuerySelector("[data-testid=total-votes]")!.TextContent);

        Assert.Null(closed.QuerySelector("input[name=Phone]"));
        Assert.Equal(1, await VotesAsync(ballot));
    }

    [Fact]
    public async Task Codes_cannot_be_requested_without_limit()
    {
        var (ballot, _) = await BallotAsync(2106);
        var resident = Browser.For(app.Factory);
        var phone = NewPhone();
        for (var i = 0; i < 3; i++) await RequestCodeAsync(resident, ballot, phone);
        var r = await resident.SubmitAsync($"/Public/Vote/{ballot}", new() { ["Phone"] = phone }, postUrl: $"/Public/Vote/{ballot}?handler=Code");
        Assert.Contains("验证码发送过于频繁", Fixtures.Errors(await resident.ReadAsync(r)));
        Assert.Equal(3, await Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.CountAsync(c => c.Purpose == VotingService.CodePurpose(ballot))));
        Assert.Contains("手机号码应为 11 位数字", Fixtures.Errors(await resident.ReadAsync(await resident.SubmitAsync($"/Public/Vote/{ballot}",
            new() { ["Phone"] = "12345" }, postUrl: $"/Public/Vote/{ballot}?handler=Code"))));
    }

    [Fact]
    public async Task Concurrent_double_votes_count_once()
    {
        var (ballot, ids) = await BallotAsync(2102);
        for (var round = 0; round < 3; round++)
        {
            var phone = NewPhone();
            var residents = new[] { Browser.For(app.Factory), Browser.For(app.Factory) };
            var code = await RequestCodeAsync(residents[0], ballot, phone);
            var tokens = new[] { await Fixtures.TokenAsync(residents[0], $"/Public/Vote/{ballot}"), await Fixtures.TokenAsync(residents[1], $"/Public/Vote/{ballot}") };
            await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
                residents[i].Client.PostAsync($"/Public/Vote/{ballot}?handler=Vote", VoteForm(tokens[i], phone, code, ids[i]))));
        }
        Assert.Equal(3, await VotesAsync(ballot));
    }

    /// <summary>
    /// Two posts of one code at the same moment (a double tap, a second tab): the second post runs whole between the first's
    /// check of the code and its save, so the first's save finds the code used and is told so; only the second's vote counts.
    /// </summary>
    [Fact]
    public async Task A_vote_whose_code_was_used_meanwhile_is_told_so_and_stores_nothing()
    {
        var (ballot, ids) = await BallotAsync(2113);
        var phone = NewPhone();
        string hash;
        using (var scope = app.Factory.Services.CreateScope())
            hash = await scope.ServiceProvider.GetRequiredService<PersonalData>().HashAsync(phone);
        var first = Browser.For(app.Factory);
        var second = Browser.For(app.Factory);
        var code = await RequestCodeAsync(first, ballot, phone);
        var (firstVote, secondVote) = await app.Factory.RaceAsync(
            db => db.ChangeTracker.Entries<PhoneCode>().Any(e => e.State == EntityState.Modified && e.Entity.PhoneHash == hash && e.Entity.Used),
            meanwhile: () => VoteAsync(second, ballot, phone, code, ids[1]),
            request: () => VoteAsync(first, ballot, phone, code, ids[0]));
        Assert.Equal(HttpStatusCode.Redirect, secondVote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstVote.StatusCode);
        Assert.Contains(PhoneCodes.UsedMeanwhile, Fixtures.Errors(await first.ReadAsync(firstVote)));
        var choices = await Fixtures.QueryAsync(app.Factory, db => db.Votes.Where(v => v.BallotId == ballot)
            .SelectMany(v => v.Choices.Select(c => c.ProjectId)).ToListAsync());
        Assert.Equal([ids[1]], choices);
    }

    [Fact]
    public async Task Expired_codes_and_closed_ballots_are_refused()
    {
        var (ballot, ids) = await BallotAsync(2103);
        var resident = Browser.For(app.Factory);
        var phone = NewPhone();
        var code = await RequestCodeAsync(resident, ballot, phone);
        using (app.Factory.Clock.Advance(PhoneCodes.Lifetime.Add(TimeSpan.FromMinutes(1))))
            Assert.Contains("验证码已过期", Fixtures.Errors(await resident.ReadAsync(await VoteAsync(resident, ballot, phone, code, ids[0]))));

        var fresh = await RequestCodeAsync(resident, ballot, phone);
        var token = await Fixtures.TokenAsync(resident, $"/Public/Vote/{ballot}");
        var closes = await Fixtures.QueryAsync(app.Factory, db => db.Ballots.IgnoreQueryFilters().Where(b => b.Id == ballot).Select(b => b.ClosesAtUtc).SingleAsync());
        using var closed = app.Factory.Clock.Advance(closes - DateTime.UtcNow + TimeSpan.FromMinutes(1));
        var r = await resident.Client.PostAsync($"/Public/Vote/{ballot}?handler=Vote", VoteForm(token, phone, fresh, ids[0]));
        Assert.Contains("投票未开放或已结束", Fixtures.Errors(await resident.ReadAsync(r)));
        Assert.Equal(0, await VotesAsync(ballot));
    }

    [Fact]
    public async Task A_budget_ballot_refuses_choices_over_the_remaining_budget()
    {
        var (ballot, ids) = await BallotAsync(2104, kind: "Budget");
        var resident = Browser.For(app.Factory);
        var phone = NewPhone();
        var code = await RequestCodeAsync(resident, ballot, phone);
        // The community has 20 万元 left: 8 + 8 + 6 = 22 万元 is over, 8 + 8 fits.
        Assert.Contains("超过可用预算", Fixtures.Errors(await resident.ReadAsync(await VoteAsync(resident, ballot, phone, code, ids))));
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(resident, ballot, phone, code, ids[0], ids[1])).StatusCode);
    }

    [Fact]
    public async Task The_ballot_exports_as_pabulib_and_locks_the_selection_rule()
    {
        var (ballot, ids) = await BallotAsync(2105, rule: "EqualShares");
        var resident = Browser.For(app.Factory);
        for (var v = 0; v < 3; v++)
        {
            var phone = NewPhone();
            var code = await RequestCodeAsync(resident, ballot, phone);
            Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(resident, ballot, phone, code, v == 2 ? [ids[2]] : [ids[0], ids[2]])).StatusCode);
        }
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var pb = await staff.Client.GetStringAsync($"/Voting/Export/{ballot}");
        var lines = pb.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("META", lines[0]);
        Assert.Contains("num_votes;3", lines);
        Assert.Contains("num_projects;3", lines);
        Assert.Contains("budget;200000", lines);
        Assert.Contains("rule;equalshares/add1", lines);
        Assert.Contains("max_length;2", lines);
        var projects = Array.IndexOf(lines, "PROJECTS");
        var votes = Array.IndexOf(lines, "VOTES");
        Assert.True(projects > 0 && votes > projects);
        Assert.Equal("project_id;cost;votes;name;selected", lines[projects + 1]);
        Assert.Contains(lines[(projects + 2)..votes], l => l.StartsWith($"{ids[0]};80000;2;", StringComparison.Ordinal));
        Assert.Contains(lines[(projects + 2)..votes], l => l.StartsWith($"{ids[2]};60000;3;", StringComparison.Ordinal));
        Assert.Equal(["1;" + string.Join(',', new[] { ids[0], ids[2] }.Order()), "2;" + string.Join(',', new[] { ids[0], ids[2] }.Order()), "3;" + ids[2]],
            lines[(votes + 2)..]);

        // Once voting has opened, the selection page applies the ballot's rule whatever is asked.
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var (_, page) = await staff.GetAsync($"/Selection?regionId={regionId}&year=2105&rule=OptimalKnapsack");
        Assert.Contains("等额份额法", page.QuerySelector("[data-testid=rule]")!.TextContent);
        Assert.DoesNotContain("Method of Equal Shares", page.QuerySelector("[data-testid=rule]")!.TextContent);
        // Equal shares with 3 voters of 20 万元 (6.67 each): project 3 (6 万, 3 supporters) is bought first,
        // then project 1 (8 万) by its 2 supporters holding 4.67 each.
        string Outcome(int id) => page.QuerySelector($"tr[data-project='{id}'] [data-testid=outcome]")!.TextContent;
        Assert.Equal("入选", Outcome(ids[2]));
        Assert.Equal("入选", Outcome(ids[0]));
        Assert.Equal("未入选", Outcome(ids[1]));
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodePattern();
}
