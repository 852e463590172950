using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Publicity;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>No 公示中 without a rubric score; no 实施中 without publicity, answered objections and approval; budgets hold under races.</summary>
[Collection(DemoCollection.Name)]
public class ApprovalRulesTests(DemoApp app)
{
    private async Task<HttpResponseMessage> MoveAsync(Browser who, int id, ProjectStatus to) =>
        await who.SubmitAsync($"/Projects/Detail/{id}", new() { ["to"] = to.ToString() }, postUrl: $"/Projects/Detail/{id}?handler=Move");

    /// <summary>Lets the publicity period pass on the application's clock (stored times stay as they were).</summary>
    private IDisposable LetPublicityPass() => app.Factory.Clock.Advance(TimeSpan.FromDays(PublicityNotice.DefaultDays).Add(TimeSpan.FromMinutes(1)));

    [Fact]
    public async Task A_project_without_a_rubric_score_cannot_enter_publicity()
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, 2061, 100_0000_00);
        var unscored = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2061, 10_0000_00);
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        var response = await MoveAsync(officer, unscored, ProjectStatus.Publicity);
        Assert.Contains("没有议事会按筛选标准评分", (await officer.ReadAsync(response)).QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal(ProjectStatus.SubdistrictReview, await TestData.StatusAsync(app.Factory, unscored));

        await Fixtures.ScoreAsync(app.Factory, unscored, 75);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, unscored, ProjectStatus.Publicity)).StatusCode);
        Assert.Equal(ProjectStatus.Publicity, await TestData.StatusAsync(app.Factory, unscored));
        var notice = await Fixtures.QueryAsync(app.Factory, db => db.PublicityNotices.SingleAsync(n => n.ProjectId == unscored));
        Assert.Equal(PublicityNotice.DefaultDays, notice.Days);
    }

    [Fact]
    public async Task Delivery_waits_for_publicity_answered_objections_and_a_written_approval()
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, 2062, 100_0000_00);
        var id = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2062, 20_0000_00);
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        await MoveAsync(officer, id, ProjectStatus.Publicity);
        var notice = await Fixtures.QueryAsync(app.Factory, db => db.PublicityNotices.AsNoTracking().SingleAsync(n => n.ProjectId == id));

        async Task<string> ApproveAsync(string comment)
        {
            var r = await officer.SubmitAsync($"/Publicity/Project/{id}", new() { ["comment"] = comment }, postUrl: $"/Publicity/Project/{id}?handler=Approve");
            return r.StatusCode == HttpStatusCode.Redirect ? "" : (await officer.ReadAsync(r)).QuerySelector("[data-testid=error]")!.TextContent;
        }

        Assert.Contains("公示期尚未结束", await ApproveAsync("同意实施"));
        // The plain state-machine button is guarded the same way.
        Assert.Contains("公示期尚未结束", (await officer.ReadAsync(await MoveAsync(officer, id, ProjectStatus.InProgress))).QuerySelector("[data-testid=error]")!.TextContent);

        // A resident objects on the portal (anonymous) while publicity runs.
        var resident = Browser.For(app.Factory);
        var lodged = await resident.SubmitAsync($"/Public/Projects/Detail/{id}", new() { ["text"] = "活动地点离小区太远，建议调整", ["phone"] = "13800138000" },
            postUrl: $"/Public/Projects/Detail/{id}?handler=Object");
        Assert.Equal(HttpStatusCode.Redirect, lodged.StatusCode);

        // A minute before the end it is still too early; a week later (the clock moved, not the stored end) it is over.
        using (app.Factory.Clock.Advance(TimeSpan.FromDays(PublicityNotice.DefaultDays).Subtract(TimeSpan.FromMinutes(1))))
        {
            officer = await Browser.LoginAsync(app.Factory, "sd-ps");
            Assert.Contains("公示期尚未结束", await ApproveAsync("同意实施"));
        }
        using var passed = LetPublicityPass();
        officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        var (_, portal) = await Browser.For(app.Factory).GetAsync($"/Public/Projects/Detail/{id}");
        Assert.Null(portal.QuerySelector("form[action*=Object]"));

        Assert.Contains("1 条公示异议未答复", await ApproveAsync("同意实施"));
        Assert.Equal(notice.EndsAtUtc, (await Fixtures.QueryAsync(app.Factory, db => db.PublicityNotices.AsNoTracking().SingleAsync(n => n.ProjectId == id))).EndsAtUtc);
        var objectionId = await Fixtures.QueryAsync(app.Factory, db => db.Objections.Where(o => o.ProjectId == id).Select(o => o.Id).SingleAsync());
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Publicity/Project/{id}",
            new() { ["objectionId"] = objectionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["answer"] = "已改在小区内广场举办" },
            postUrl: $"/Publicity/Project/{id}?handler=Answer")).StatusCode);

        Assert.Contains("请填写审批意见", await ApproveAsync(""));
        // Community staff may not approve.
        var byStaff = await staff.SubmitAsync($"/Publicity/Project/{id}", new() { ["comment"] = "同意" }, postUrl: $"/Publicity/Project/{id}?handler=Approve");
        Assert.Contains("角色", (await staff.ReadAsync(byStaff)).QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal(ProjectStatus.Publicity, await TestData.StatusAsync(app.Factory, id));

        Assert.Equal("", await ApproveAsync("经审核，同意实施"));
        Assert.Equal(ProjectStatus.InProgress, await TestData.StatusAsync(app.Factory, id));
        // The approval is the step's decision, with its opinion; nothing else records it.
        var approval = await Fixtures.QueryAsync(app.Factory, db => db.ProjectDecisions.Where(d => d.ProjectId == id).SingleAsync(ProjectDecision.IsApproval));
        Assert.Equal(("sd-ps", "经审核，同意实施"), (approval.DecidedBy, approval.Reason));
        var (_, publicity) = await officer.GetAsync($"/Publicity/Project/{id}");
        Assert.Contains("坪山街道工作人员 审批通过：经审核，同意实施", publicity.QuerySelector("[data-testid=approval]")!.TextContent);

        // The project page's timeline shows who did what.
        var (_, page) = await officer.GetAsync($"/Projects/Detail/{id}");
        var timeline = page.QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.Contains("议事会评分", timeline);
        Assert.Contains("开始公示", timeline);
        Assert.Contains("答复异议：已改在小区内广场举办", timeline);
        Assert.Contains("坪山街道工作人员：街道审批通过：经审核，同意实施", timeline);   // the officer by display name (login sd-ps)
    }

    [Fact]
    public async Task The_district_sets_how_many_days_publicity_lasts()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        Assert.Contains("公示天数应在 1 到 60 天之间", Fixtures.Errors(await district.ReadAsync(await district.SubmitAsync("/Screening/Rules?year=2065",
            new() { ["year"] = "2065", ["days"] = "0" }, postUrl: "/Screening/Rules?handler=Publicity"))));
        Assert.Equal(HttpStatusCode.Redirect, (await district.SubmitAsync("/Screening/Rules?year=2065",
            new() { ["year"] = "2065", ["days"] = "3" }, postUrl: "/Screening/Rules?handler=Publicity")).StatusCode);
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, 2065, 100_0000_00);
        var id = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, 2065, 1_0000_00);
        await MoveAsync(await Browser.LoginAsync(app.Factory, "sd-ps"), id, ProjectStatus.Publicity);
        var notice = await Fixtures.QueryAsync(app.Factory, db => db.PublicityNotices.SingleAsync(n => n.ProjectId == id));
        Assert.Equal(3, notice.Days);
        Assert.Equal(TimeSpan.FromDays(3), notice.EndsAtUtc - notice.StartsAtUtc);
    }

    [Fact]
    public async Task Two_racing_approvals_never_commit_more_than_the_annual_budget()
    {
        // 六和 2063: 50 万元 district funds + 50 万元 city subsidy = 100 万元. Each project takes 60 万元: only one fits.
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuHe, 2063, 50_0000_00);
        for (var round = 0; round < 3; round++)
        {
            var a = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuHe, 2063, 60_0000_00);
            var b = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuHe, 2063, 60_0000_00);
            var officers = new[] { await Browser.LoginAsync(app.Factory, "sd-ps"), await Browser.LoginAsync(app.Factory, "sd-ps") };
            var tokens = new[] { await Fixtures.TokenAsync(officers[0], $"/Projects/Detail/{a}"), await Fixtures.TokenAsync(officers[1], $"/Projects/Detail/{b}") };
            var ids = new[] { a, b };
            await Task.WhenAll(Enumerable.Range(0, 2).Select(i => officers[i].Client.PostAsync($"/Projects/Detail/{ids[i]}?handler=Move",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["to"] = "Publicity", ["__RequestVerificationToken"] = tokens[i] }))));
            var statuses = new[] { await TestData.StatusAsync(app.Factory, a), await TestData.StatusAsync(app.Factory, b) };
            Assert.True(statuses.Count(s => s == ProjectStatus.Publicity) <= 1, "both racing approvals committed");
            // Release the one that won so the next round races for the same money again.
            await Fixtures.ExecAsync(app.Factory, db => db.Projects.IgnoreQueryFilters().Where(p => p.Id == a || p.Id == b)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProjectStatus.Rejected)));
        }
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuHe);
        var figures = await Fixtures.QueryAsync(app.Factory, async db => (await new BudgetLedger(db).ForYearAsync(2063))[regionId]);
        Assert.True(figures.CommittedFen <= figures.TotalFen);
    }

    [Fact]
    public async Task Racing_approvals_that_together_fit_both_pass_or_retry_cleanly()
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuHe, 2064, 50_0000_00);
        var a = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuHe, 2064, 30_0000_00);
        var b = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuHe, 2064, 30_0000_00);
        var c = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuHe, 2064, 30_0000_00);
        var d = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuHe, 2064, 30_0000_00);
        int[] ids = [a, b, c, d];
        var officers = new List<Browser>();
        var tokens = new List<string>();
        foreach (var id in ids)
        {
            var o = await Browser.LoginAsync(app.Factory, "sd-ps");
            officers.Add(o);
            tokens.Add(await Fixtures.TokenAsync(o, $"/Projects/Detail/{id}"));
        }
        await Task.WhenAll(ids.Select((id, i) => officers[i].Client.PostAsync($"/Projects/Detail/{id}?handler=Move",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["to"] = "Publicity", ["__RequestVerificationToken"] = tokens[i] }))));
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuHe);
        var figures = await Fixtures.QueryAsync(app.Factory, async db => (await new BudgetLedger(db).ForYearAsync(2064))[regionId]);
        Assert.True(figures.CommittedFen <= figures.TotalFen, $"committed {figures.CommittedFen} > total {figures.TotalFen}");
        Assert.True(figures.CommittedFen >= 30_0000_00);
    }
}
