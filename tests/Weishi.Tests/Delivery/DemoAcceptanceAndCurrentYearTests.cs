using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Demo;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Delivery;

/// <summary>
/// The demo is complete enough to show and evaluate: every accepted project of the report years has its 验收, the
/// poorer contractors' late projects failed their first one, and the current year has projects 实施中 with sessions
/// and a deviation warning.
/// </summary>
[Collection(DemoCollection.Name)]
public class DemoAcceptanceAndCurrentYearTests(DemoApp app)
{
    private sealed record Accepted(int Id, int Year, DateOnly On);

    private async Task<(List<Accepted> Projects, ILookup<int, AcceptanceRecord> Records, ILookup<int, Disbursement> Payments)> ReportYearsAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var projects = (await db.Projects.Where(p => p.Year >= 2021 && p.Year <= 2023 && p.Status == ProjectStatus.Accepted)
            .Select(p => new { p.Id, p.Year, p.StatusChangedAtUtc }).ToListAsync())
            .Select(p => new Accepted(p.Id, p.Year, DateOnly.FromDateTime(p.StatusChangedAtUtc))).ToList();
        var records = (await db.AcceptanceRecords.Where(a => a.Project!.Year >= 2021 && a.Project.Year <= 2023).ToListAsync()).ToLookup(a => a.ProjectId);
        var payments = (await db.Disbursements.Where(d => d.Project!.Year >= 2021 && d.Project.Year <= 2023).ToListAsync()).ToLookup(d => d.ProjectId);
        return (projects, records, payments);
    }

    private static AcceptanceRecord First(IEnumerable<AcceptanceRecord> records) => records.OrderBy(a => a.AcceptedOn).ThenBy(a => a.Id).First();

    [Fact]
    public async Task Every_accepted_demo_project_has_its_acceptance_and_late_ones_kept_the_failed_first_one()
    {
        var (projects, records, payments) = await ReportYearsAsync();
        Assert.NotEmpty(projects);
        foreach (var p in projects)
        {
            var own = records[p.Id].ToList();
            // The passing acceptance is the day the project became 已验收; the final payment follows it.
            var passed = Assert.Single(own, a => a.Result != AcceptanceResult.Failed);
            Assert.Equal(p.On, passed.AcceptedOn);
            Assert.All(payments[p.Id].Where(d => d.Stage is "验收后尾款" or "全额拨付"), d => Assert.True(d.PaidOn > passed.AcceptedOn, $"project {p.Id} paid before acceptance"));
            var late = p.On > new DateOnly(p.Year, 12, 31);
            if (late)
            {
                var failed = Assert.Single(own, a => a.Result == AcceptanceResult.Failed);
                Assert.True(failed.AcceptedOn < passed.AcceptedOn);
                Assert.Equal(AcceptanceResult.PassedAfterRectification, passed.Result);
            }
            else Assert.Equal(AcceptanceResult.Passed, Assert.Single(own).Result);
        }
        var failedFirst = projects.Count(p => First(records[p.Id]).Result == AcceptanceResult.Failed);
        Assert.InRange(failedFirst, projects.Count / 20, projects.Count * 2 / 5);

        var district = await Browser.LoginAsync(app.Factory, "district");
        var lateOne = projects.First(p => First(records[p.Id]).Result == AcceptanceResult.Failed);
        var (status, page) = await district.GetAsync($"/Delivery/{lateOne.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        var items = page.QuerySelectorAll("[data-testid=acceptances] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(items, t => t.Contains("整改后通过", StringComparison.Ordinal));
        Assert.Contains(items, t => t.Contains("不通过", StringComparison.Ordinal) && t.Contains(DemoAcceptanceBuilder.Committee, StringComparison.Ordinal));
        var onTime = projects.First(p => First(records[p.Id]).Result == AcceptanceResult.Passed);
        (_, page) = await district.GetAsync($"/Delivery/{onTime.Id}");
        var single = Assert.Single(page.QuerySelectorAll("[data-testid=acceptances] li"));
        Assert.Contains(onTime.On.Year.ToString(CultureInfo.InvariantCulture), single.TextContent);
        Assert.Contains("· 通过 ·", single.TextContent);
    }

    [Fact]
    public async Task The_district_evaluation_of_the_report_years_scores_first_time_acceptance_from_the_stored_records()
    {
        var (projects, records, _) = await ReportYearsAsync();
        var withRecords = projects.Count(p => records[p.Id].Any());
        var firstTime = projects.Count(p => records[p.Id].Any() && First(records[p.Id]).Result == AcceptanceResult.Passed);

        var finance = await Browser.LoginAsync(app.Factory, "finance");
        int treeId;
        using (var scope = app.Factory.Services.CreateScope())
            treeId = await DeliveryData.Db(scope).Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme).OrderBy(t => t.Version).Select(t => t.Id).FirstAsync();
        var created = await finance.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = "坪山区 2021—2023 年度民生微实事项目（验收）", ["Input.TreeId"] = treeId.ToString(CultureInfo.InvariantCulture),
            ["Input.FromYear"] = "2021", ["Input.ToYear"] = "2023", ["Input.ScopeKind"] = "District",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, page) = await finance.GetAsync(created.Headers.Location!.OriginalString);
        var row = page.QuerySelector("[data-testid=indicators] tr[data-code=C2-1]")!;
        var shown = page.QuerySelector("[data-testid=drill-C2-1]")!.TextContent.Trim();
        Assert.NotEqual("无数据", shown);
        Assert.Contains($"有验收记录的项目 {withRecords.ToString("N0", CultureInfo.InvariantCulture)}", row.TextContent);
        Assert.Contains($"一次通过 {firstTime.ToString("N0", CultureInfo.InvariantCulture)}", row.TextContent);
        Assert.Equal(DataMetrics.Find(DataMetrics.AcceptedFirstTime)!.Format(Math.Round((decimal)firstTime / withRecords, 4)), shown);
        var score = decimal.Parse(page.QuerySelector("[data-testid=score-C2-1-value]")!.TextContent.Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(score, 3m, 5.99m);
    }

    [Fact]
    public async Task The_current_year_has_projects_in_progress_with_sessions_and_one_raises_a_deviation_warning()
    {
        var today = DateOnly.FromDateTime(app.Factory.Clock.GetUtcNow().UtcDateTime);
        int lagging;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            var running = await db.Projects.Where(p => p.Year == today.Year && p.Status == ProjectStatus.InProgress && p.Code.StartsWith(today.Year + "-PS-"))
                .Select(p => new
                {
                    p.Id, p.Region!.Code, p.ContractorId,
                    Contract = db.Contracts.Any(c => c.ProjectId == p.Id),
                    Held = db.ActivitySessions.Count(s => s.ProjectId == p.Id && s.HeldOn < today),
                    Scheduled = db.ActivitySessions.Count(s => s.ProjectId == p.Id && s.HeldOn > today),
                    SignIns = db.Attendances.Count(a => a.ProjectId == p.Id),
                    Warnings = db.DeviationFlags.Count(f => f.ProjectId == p.Id && f.ResolvedOn == null),
                }).ToListAsync();
            Assert.True(running.Count >= 3, "a few projects are under way this year");
            Assert.All(running, p => Assert.True(p.Contract));
            Assert.Contains(running, p => p.Held > 0 && p.Scheduled > 0 && p.SignIns > 0);
            var contractorId = await DeliveryData.ContractorIdAsync(app.Factory);
            lagging = Assert.Single(running, p => p.Code == DemoCurrentYearBuilder.LaggingCommunity && p.Warnings > 0 && p.Held > 0 && p.ContractorId == contractorId).Id;
        }

        var (_, home) = await (await Browser.LoginAsync(app.Factory, "cs-ll")).GetAsync("/Home/Workbench");
        var item = home.QuerySelectorAll("[data-testid=deviations] li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == $"/Delivery/{lagging}");
        Assert.Contains("场次滞后", item.TextContent);
        Assert.DoesNotContain("暂无偏差预警", home.Body!.TextContent);
        var (_, contractorHome) = await (await Browser.LoginAsync(app.Factory, "contractor")).GetAsync("/Home/Contractor");
        Assert.Contains(contractorHome.QuerySelectorAll("[data-testid=deviations] a"), a => a.GetAttribute("href") == $"/Delivery/{lagging}");
    }
}
