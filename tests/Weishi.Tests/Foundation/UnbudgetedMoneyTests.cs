using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Foundation;

/// <summary>
/// Money committed or spent in a region that has no budget row for the year still shows, flagged 预算未设置 / 超出预算,
/// and counts in every 合计: a subdistrict's cross-community project and a community's project.
/// </summary>
[Collection(DemoCollection.Name)]
public class UnbudgetedMoneyTests(DemoApp app)
{
    private const int Year = 2080;
    private const string ShiJing = "440310004";         // 石井街道: no budget in 2080, a cross-community project 12 万, paid 5 万
    private const string TianTou = "440310004003";      // 田头社区 (石井): budget 10 万 + subsidy 10 万, a project 8 万, paid 3 万
    private const string LiuLian = Fixtures.LiuLian;     // 六联社区 (坪山): no budget in 2080, a project 4 万, paid 1 万

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool _seeded;

    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_seeded) return;
            await TestData.SetBudgetAsync(app.Factory, TianTou, Year, 10_0000_00);
            foreach (var (region, budget, paid) in new[] { (ShiJing, 12_0000_00L, 5_0000_00L), (TianTou, 8_0000_00L, 3_0000_00L), (LiuLian, 4_0000_00L, 1_0000_00L) })
            {
                var project = await TestData.CreateProjectAsync(app.Factory, region, Year, budget, ProjectStatus.InProgress);
                await Fixtures.ExecAsync(app.Factory, async db =>
                {
                    db.Disbursements.Add(new Disbursement { ProjectId = project, PaidOn = new DateOnly(Year, 5, 1), AmountFen = paid, Stage = "首期" });
                    await db.SaveChangesAsync();
                });
            }
            _seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private static string Cell(IElement row, int index) => row.Children[index].TextContent.Trim();

    [Fact]
    public async Task A_subdistrict_with_a_cross_community_project_and_no_budget_shows_its_money_flagged_and_in_the_totals()
    {
        await SeedAsync();
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync($"/Budgets?year={Year}");

        var row = page.QuerySelector($"[data-testid=subdistrict-budget-table] tr[data-subdistrict='{ShiJing}']")!;
        Assert.Equal("预算未设置", Cell(row, 3));
        Assert.Equal("12.00", Cell(row, 4));   // 已占用
        Assert.Equal("5.00", Cell(row, 5));    // 已支出
        Assert.Equal("", row.QuerySelector("input[name=districtFunds]")!.GetAttribute("value"));   // not 0.00: nothing is set
        Assert.Contains("超出预算", Cell(row, 6));

        var subdistricts = page.QuerySelector("[data-testid=subdistrict-total]")!;
        Assert.Equal(["街道合计", "0.00", "0.00", "0.00", "12.00", "5.00"], subdistricts.Children.Take(6).Select(c => c.TextContent.Trim()));
        // Communities 20 万 budget, 12 万 committed, 4 万 spent; with 石井's 12 万 and 5 万, 24 万 committed of 20 万.
        var all = page.QuerySelector("[data-testid=all-total]")!;
        Assert.Equal(["社区与街道合计", "10.00", "10.00", "20.00", "24.00", "9.00"], all.Children.Take(6).Select(c => c.TextContent.Trim()));
        Assert.Contains("45.0%", Cell(all, 6));
        Assert.Contains("超出预算", Cell(all, 6));
        Assert.Contains("已计入合计", page.QuerySelector("[data-testid=budget-unset-note]")!.TextContent);
    }

    [Fact]
    public async Task A_community_with_spending_and_no_budget_shows_its_money_flagged_and_in_the_community_total()
    {
        await SeedAsync();
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (_, page) = await finance.GetAsync($"/Budgets?year={Year}");

        var row = page.QuerySelector($"[data-testid=budget-table] tr[data-community='{LiuLian}']")!;
        Assert.Equal("预算未设置", Cell(row, 4));
        Assert.Equal("4.00", Cell(row, 5));
        Assert.Equal("1.00", Cell(row, 6));
        Assert.Contains("超出预算", Cell(row, 7));
        var budgeted = page.QuerySelector($"[data-testid=budget-table] tr[data-community='{TianTou}']")!;
        Assert.Equal("15.0%", Cell(budgeted, 7));   // within its budget: no flag

        var total = page.QuerySelector("[data-testid=community-total]")!;
        Assert.Equal(["社区合计", "10.00", "10.00", "20.00", "12.00", "4.00", "20.0%"], total.Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task The_region_tree_counts_a_subdistricts_own_money_without_a_budget_in_its_and_the_districts_totals()
    {
        await SeedAsync();
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, tree) = await district.GetAsync($"/Regions?year={Year}");
        // Columns: 区划, 代码, 区级资金, 市级补助, 年度预算, 已占用, 已支出, 执行率.
        var own = tree.QuerySelector($"[data-testid=region-tree] tr[data-subdistrict-own='{ShiJing}']")!;
        Assert.Equal("石井街道（跨社区项目）", Cell(own, 0));
        Assert.Equal("预算未设置", Cell(own, 4));
        Assert.Equal("12.00", Cell(own, 5));
        var subdistrict = tree.QuerySelector($"[data-testid=region-tree] tr[data-subdistrict='{ShiJing}']")!;
        Assert.Equal("20.00", Cell(subdistrict, 5));   // 田头 8 万 + the subdistrict's own 12 万
        Assert.Equal("8.00", Cell(subdistrict, 6));
        var liuLian = tree.QuerySelector($"[data-testid=region-tree] tr[data-community='{LiuLian}']")!;
        Assert.Equal("4.00", Cell(liuLian, 5));
        var districtRow = tree.QuerySelector("[data-testid=region-tree] tr[data-district]")!;
        Assert.Equal(["20.00", "24.00", "9.00"], new[] { 4, 5, 6 }.Select(i => Cell(districtRow, i)));
    }

    [Fact]
    public async Task The_finance_home_counts_the_money_of_regions_without_a_budget_and_flags_them()
    {
        await SeedAsync();
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (_, home) = await finance.GetAsync("/Home/Finance");
        var year = home.QuerySelector($"[data-testid=execution-table] tr[data-year='{Year}']")!;
        // 年度, 实施项目, 年度预算, 已占用, 实际支出, 预算执行率
        Assert.Equal(["3", "20.00", "24.00", "9.00", "45.0%"], new[] { 1, 2, 3, 4, 5 }.Select(i => Cell(year, i).Split(' ')[0]));
        Assert.Contains("2 个地区预算未设置", year.TextContent);
    }

    [Fact]
    public async Task A_ballot_in_a_community_that_spent_without_a_budget_has_no_money_rather_than_less_than_none()
    {
        await SeedAsync();
        await TestData.CreateProjectAsync(app.Factory, LiuLian, Year, 2_0000_00, ProjectStatus.CommunityReview);
        await TestData.CreateProjectAsync(app.Factory, LiuLian, Year, 3_0000_00, ProjectStatus.CommunityReview);
        var regionId = await TestData.RegionIdAsync(app.Factory, LiuLian);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var response = await staff.SubmitAsync("/Voting", new()
        {
            ["regionId"] = $"{regionId}", ["year"] = $"{Year}", ["title"] = $"{Year} 年六联社区项目投票", ["kind"] = "Approval",
            ["maxChoices"] = "1", ["rule"] = "GreedyByVotes", ["days"] = "7",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        // 4 万 committed against no budget: the ballot has 0 to share out, not −4 万.
        var budget = await Fixtures.QueryAsync(app.Factory, db => db.Ballots.Where(b => b.RegionId == regionId && b.Year == Year)
            .Select(b => b.BudgetFen).SingleAsync());
        Assert.Equal(0, budget);
    }

    [Fact]
    public async Task A_contractor_sees_no_regions_money_as_budgets_on_the_workbench()
    {
        // The demo contractor has projects under way this year, paid in part; they are its projects, not budgets to show.
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var (status, page) = await contractor.GetAsync("/Home/Workbench");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Empty(page.QuerySelectorAll("[data-testid=workbench-budgets] tbody tr"));
        Assert.Equal("0.00", page.QuerySelector("[data-testid=budget-total]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_budget_execution_rate_leaves_out_money_paid_where_no_budget_was_set_and_shows_it_beside_the_rate()
    {
        await SeedAsync();
        using var scope = app.Factory.Services.CreateScope();
        var metric = (await scope.ServiceProvider.GetRequiredService<MetricCalculator>().ComputeAllAsync(new EvaluationScope(Year, Year, [], [])))[DataMetrics.BudgetExecution];

        // 田头 alone has a budget (10 万 + 10 万 subsidy) and paid 3 万; 石井's 5 万 and 六联's 1 万 had no budget.
        Assert.Equal(0.15m, metric.Value);
        Assert.Equal([("预算", "20.00 万元"), ("实际支出", "3.00 万元"), (MetricCalculator.UnbudgetedSpending, "6.00 万元")],
            metric.Inputs.Select(i => (i.Label, i.Value)).ToList());
    }
}
