using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;
using Weishi.Web.Features.Voting;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>查看项目详情 on the public ballot: an option's project, still under review (社区评议, not on the portal), is
/// public through its ballot while the ballot is open and once its results are shown — what its proposal publicly
/// says, nothing of staff, contacts, residents, reviews, scores or contractor.</summary>
[Collection(DemoCollection.Name)]
public class BallotOptionDetailsTests(DemoApp app)
{
    private static string S(long n) => n.ToString(CultureInfo.InvariantCulture);

    // Never public: put into the project's rows by Proposal(), looked for on every page a visitor sees.
    private const string StaffName = "街道干部甄保密";
    private const string ApprovalComment = "审批意见仅限内部甄XK";
    private const string ReviewerName = "评议代表甄隐私";
    private const string ReviewComment = "评议意见内部甄QZ";
    private const decimal Score = 87.35m;
    private const string NeedText = "居民甄某某反映楼下噪音甄NT";
    private const string NeedPhone = "139****4321";

    private async Task<(int Ballot, int[] Projects)> BallotAsync(string community, string staff, int year)
    {
        await TestData.SetBudgetAsync(app.Factory, community, year, 10_0000_00);
        var ids = new[]
        {
            await Fixtures.ScoredProjectAsync(app.Factory, community, year, 3_0000_00, ProjectStatus.CommunityReview, 80),
            await Fixtures.ScoredProjectAsync(app.Factory, community, year, 2_0000_00, ProjectStatus.CommunityReview, 70),
        };
        var regionId = await TestData.RegionIdAsync(app.Factory, community);
        var r = await (await Browser.LoginAsync(app.Factory, staff)).SubmitAsync("/Voting", new()
        {
            ["regionId"] = S(regionId), ["year"] = S(year), ["title"] = $"{year} 年社区项目投票", ["kind"] = "Approval", ["maxChoices"] = "1",
            ["rule"] = "GreedyByVotes", ["days"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var ballot = await Fixtures.QueryAsync(app.Factory, db => db.Ballots.Where(b => b.RegionId == regionId && b.Year == year).Select(b => b.Id).SingleAsync());
        return (ballot, ids);
    }

    /// <summary>Fills the project as a proposal would (content, place, schedule, target group, targets, two linked needs)
    /// and adds what must never be public: a contractor, the council's score, reviewer and comment, an approval by
    /// a named officer, the needs' texts and contacts.</summary>
    private async Task<string> ProposalAsync(int projectId, int year) => await Fixtures.QueryAsync(app.Factory, async db =>
    {
        var p = await db.Projects.IgnoreQueryFilters().SingleAsync(x => x.Id == projectId);
        var contractor = await db.Contractors.IgnoreQueryFilters().Where(c => c.ContactName != null).OrderBy(c => c.Id).FirstAsync();
        p.Name = $"长者助餐点<b>进阶</b>{year}";
        p.Category = ProjectCategory.Culture;
        p.Content = "每周三次为长者提供助餐，\n并开展营养讲座";
        p.PlannedBeneficiaries = 320;
        p.PlannedSessions = 150;
        p.ContractorId = contractor.Id;
        db.ProposalDetails.Add(new ProposalDetails { ProjectId = projectId, TargetGroup = "辖区60岁以上长者", Place = "六联社区长者饭堂", Schedule = $"{year}年3月至12月" });
        db.PerformanceTargets.Add(new PerformanceTarget { ProjectId = projectId, Dimension = TargetDimension.Outcome, Indicator = "长者就餐满意率", TargetValue = 90, Unit = "%" });
        db.ProjectDecisions.Add(new ProjectDecision
        {
            ProjectId = projectId, From = ProjectStatus.Publicity, To = ProjectStatus.InProgress, AtUtc = DateTime.UtcNow, DecidedBy = StaffName, Reason = ApprovalComment,
        });
        foreach (var i in new[] { 1, 2 })
            db.Demands.Add(new Demand
            {
                Text = NeedText + i, Channel = DemandChannel.Visit, RegionId = p.RegionId, SubmittedAtUtc = new DateTime(year, 1, i, 0, 0, 0, DateTimeKind.Utc),
                Status = DemandStatus.Converted, ProjectId = projectId, ContactPhoneMasked = NeedPhone, Location = "甄家楼302房",
            });
        var sheet = await db.CouncilScoreSheets.IgnoreQueryFilters().Include(s => s.Member).SingleAsync(s => s.ProjectId == projectId);
        sheet.Comment = ReviewComment;
        sheet.Total = Score;
        sheet.Member!.Name = ReviewerName;
        await db.SaveChangesAsync();
        return string.Join("|", contractor.Name, contractor.ContactName, contractor.ContactPhoneMasked ?? contractor.Name);
    });

    private static void AssertNothingPrivate(IHtmlDocument page, string contractor)
    {
        var text = page.Body!.TextContent + page.Body.InnerHtml;
        foreach (var secret in contractor.Split('|').Concat([StaffName, ApprovalComment, ReviewerName, ReviewComment, NeedText, NeedPhone, "甄家楼",
                     Score.ToString(CultureInfo.InvariantCulture), "87.4"]))
            Assert.DoesNotContain(secret, text);
    }

    private static string Details(int ballot, int project) => $"/Public/Vote/{ballot}/Option/{project}";

    [Fact]
    public async Task An_option_under_review_shows_what_its_proposal_publicly_says_and_nothing_private()
    {
        const int year = 2125;
        var (ballot, ids) = await BallotAsync(Fixtures.LiuLian, "cs-ll", year);
        var contractor = await ProposalAsync(ids[0], year);
        var resident = Browser.For(app.Factory);

        // On the ballot: a short summary and the link to the details, for every option.
        var (status, page) = await resident.GetAsync($"/Public/Vote/{ballot}");
        Assert.Equal(HttpStatusCode.OK, status);
        var option = page.QuerySelector($"[data-testid=ballot-form] [data-testid=option][data-project='{ids[0]}']")!;
        Assert.Equal("文化体育 · 预算 3.00 万元 · 回应居民需求 2 条", option.QuerySelector("[data-testid=option-summary]")!.TextContent.Trim());
        Assert.Equal("长者关爱 · 预算 2.00 万元",
            page.QuerySelector($"[data-testid=option][data-project='{ids[1]}'] [data-testid=option-summary]")!.TextContent.Trim());
        foreach (var id in ids)
        {
            var link = page.QuerySelector($"[data-testid=ballot-form] a[data-testid=option-details][data-project='{id}']")!;
            Assert.Equal("查看项目详情", link.TextContent);
            Assert.Equal(Details(ballot, id), link.GetAttribute("href"));
        }
        AssertNothingPrivate(page, contractor);
        // Not on the portal (still under review), so no link to its public page.
        Assert.Empty(page.QuerySelectorAll("a[data-testid=option-link]"));

        var (detailStatus, detail) = await resident.GetAsync(Details(ballot, ids[0]));
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        var applicant = await Fixtures.QueryAsync(app.Factory, db => db.Regions.Where(r => r.Code == Fixtures.LiuLian)
            .Select(r => r.Parent!.Name + " " + r.ShortName).SingleAsync());
        // The name as typed, encoded: no markup of the proposal's text reaches the page.
        Assert.Equal($"长者助餐点<b>进阶</b>{year}", detail.QuerySelector("[data-testid=option-name]")!.TextContent);
        Assert.Null(detail.QuerySelector("[data-testid=option-name] b"));
        Assert.Equal("文化体育", detail.QuerySelector("[data-testid=option-category]")!.TextContent);
        Assert.Equal(applicant, detail.QuerySelector("[data-testid=option-applicant]")!.TextContent);
        Assert.Equal("30,000.00 元", detail.QuerySelector("[data-testid=option-budget]")!.TextContent);
        Assert.Equal("六联社区长者饭堂", detail.QuerySelector("[data-testid=option-place]")!.TextContent);
        Assert.Equal($"{year}年3月至12月", detail.QuerySelector("[data-testid=option-schedule]")!.TextContent);
        Assert.Equal("辖区60岁以上长者", detail.QuerySelector("[data-testid=option-target-group]")!.TextContent);
        Assert.Equal("回应居民需求 2 条", detail.QuerySelector("[data-testid=option-needs]")!.TextContent);
        Assert.Equal("每周三次为长者提供助餐，\n并开展营养讲座", detail.QuerySelector("[data-testid=option-content]")!.TextContent);
        Assert.Equal("计划受益 320 人次，计划服务 150 场次", detail.QuerySelector("[data-testid=option-planned]")!.TextContent);
        Assert.Equal("效益：长者就餐满意率 90 %", detail.QuerySelector("[data-testid=option-targets]")!.TextContent.Trim());
        Assert.Equal($"/Public/Vote/{ballot}", detail.QuerySelector("[data-testid=back-to-ballot]")!.GetAttribute("href"));
        AssertNothingPrivate(detail, contractor);

        // Once the results are shown, the details stay (linked from the results too) and still say nothing private.
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        await staff.SubmitAsync("/Voting", new() { ["id"] = S(ballot) }, postUrl: "/Voting?handler=Close");
        var (_, closed) = await resident.GetAsync($"/Public/Vote/{ballot}");
        Assert.Equal(Details(ballot, ids[0]), closed.QuerySelector($"[data-testid=results] a[data-testid=option-details][data-project='{ids[0]}']")!.GetAttribute("href"));
        AssertNothingPrivate(closed, contractor);
        var (closedStatus, closedDetail) = await resident.GetAsync(Details(ballot, ids[0]));
        Assert.Equal(HttpStatusCode.OK, closedStatus);
        AssertNothingPrivate(closedDetail, contractor);
    }

    [Fact]
    public async Task Only_the_ballots_own_options_are_shown_and_only_once_it_has_opened()
    {
        const int year = 2126;
        var (ballot, ids) = await BallotAsync(Fixtures.LiuLian, "cs-ll", year);
        var (other, otherIds) = await BallotAsync(Fixtures.LiuHe, "cs-lh", year);
        // A proposal of the same community and year that came under review after the ballot opened is not on it.
        var later = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, year, 1_0000_00, ProjectStatus.CommunityReview);
        var resident = Browser.For(app.Factory);

        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(Details(ballot, ids[1]))).Status);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(Details(other, otherIds[0]))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(Details(ballot, later))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(Details(ballot, otherIds[0]))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(Details(other, ids[0]))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(Details(int.MaxValue, ids[0]))).Status);

        // A ballot that opens tomorrow shows nothing of its options yet, neither on the ballot page nor by the address.
        var soon = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var now = db.Time.GetUtcNow().UtcDateTime;
            var region = await db.Regions.Where(r => r.Code == Fixtures.LiuLian).Select(r => r.Id).SingleAsync();
            var b = new Ballot { RegionId = region, Year = year, Title = $"{year} 年明日投票", Kind = BallotKind.Approval, MaxChoices = 1,
                OpensAtUtc = now.AddDays(1), ClosesAtUtc = now.AddDays(8) };
            b.Options.Add(new BallotOption { ProjectId = later });
            db.Ballots.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        var (soonStatus, soonPage) = await resident.GetAsync($"/Public/Vote/{soon}");
        Assert.Equal(HttpStatusCode.OK, soonStatus);
        Assert.Null(soonPage.QuerySelector("[data-testid=option-details]"));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(Details(soon, later))).Status);
        using (app.Factory.Clock.Advance(TimeSpan.FromDays(2)))
            Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(Details(soon, later))).Status);
    }

    [Fact]
    public async Task An_option_removed_from_the_ballot_is_no_longer_shown()
    {
        const int year = 2127;
        var (ballot, ids) = await BallotAsync(Fixtures.LiuLian, "cs-ll", year);
        var resident = Browser.For(app.Factory);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(Details(ballot, ids[0]))).Status);

        // No page removes an option from an open ballot; the row is removed directly (as deleting the project would).
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            db.Set<BallotOption>().RemoveRange(db.Set<BallotOption>().IgnoreQueryFilters().Where(o => o.BallotId == ballot && o.ProjectId == ids[0]));
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(Details(ballot, ids[0]))).Status);
        var (_, page) = await resident.GetAsync($"/Public/Vote/{ballot}");
        Assert.Null(page.QuerySelector($"a[data-testid=option-details][data-project='{ids[0]}']"));
        Assert.NotNull(page.QuerySelector($"a[data-testid=option-details][data-project='{ids[1]}']"));
    }
}
