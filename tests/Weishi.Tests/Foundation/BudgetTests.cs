using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

[Collection(DemoCollection.Name)]
public class BudgetTests(DemoApp app)
{
    private const string TianTou = "440310004003"; // 田头社区, 石井街道 (officer sd-sj)

    [Fact]
    public async Task The_subsidy_matches_district_funds_and_is_capped()
    {
        Assert.Equal(40_0000_00, AnnualBudget.CitySubsidy(40_0000_00, YearSetting.DefaultSubsidyCapFen));
        Assert.Equal(100_0000_00, AnnualBudget.CitySubsidy(130_0000_00, YearSetting.DefaultSubsidyCapFen));
        await TestData.SetBudgetAsync(app.Factory, TianTou, 2040, 130_0000_00);
        using var scope = app.Factory.Services.CreateScope();
        var figures = await scope.ServiceProvider.GetRequiredService<BudgetLedger>().ForYearAsync(2040);
        var regionId = await TestData.RegionIdAsync(app.Factory, TianTou);
        Assert.Equal(230_0000_00, figures[regionId].TotalFen);
    }

    [Fact]
    public async Task Approval_beyond_the_community_total_is_refused_with_the_figures_and_nothing_changes()
    {
        // 10 万 district funds + 10 万 subsidy = 20 万; a 15 万 project fits, a second 15 万 one does not.
        await TestData.SetBudgetAsync(app.Factory, TianTou, 2041, 10_0000_00);
        var first = await Fixtures.ScoredProjectAsync(app.Factory, TianTou, 2041, 15_0000_00);
        var second = await Fixtures.ScoredProjectAsync(app.Factory, TianTou, 2041, 15_0000_00);
        var officer = await Browser.LoginAsync(app.Factory, "sd-sj");

        var ok = await officer.SubmitAsync($"/Projects/Detail/{first}", new() { ["to"] = nameof(ProjectStatus.Publicity) }, $"/Projects/Detail/{first}?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(ProjectStatus.Publicity, await TestData.StatusAsync(app.Factory, first));

        var refused = await officer.SubmitAsync($"/Projects/Detail/{second}", new() { ["to"] = nameof(ProjectStatus.Publicity) }, $"/Projects/Detail/{second}?handler=Move");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var error = (await officer.ReadAsync(refused)).QuerySelector("[data-testid=error]")!.TextContent;
        Assert.Contains("超出年度预算", error);
        Assert.Contains("可用 5.00 万元", error);
        Assert.Equal(ProjectStatus.SubdistrictReview, await TestData.StatusAsync(app.Factory, second));
    }

    [Fact]
    public async Task Two_racing_approvals_cannot_both_take_the_last_money()
    {
        await TestData.SetBudgetAsync(app.Factory, TianTou, 2042, 10_0000_00); // 20 万 in all
        var a = await Fixtures.ScoredProjectAsync(app.Factory, TianTou, 2042, 12_0000_00);
        var b = await Fixtures.ScoredProjectAsync(app.Factory, TianTou, 2042, 12_0000_00);
        var results = await Task.WhenAll(new[] { a, b }.Select(async id =>
        {
            using var scope = app.Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ProjectTransitions>().MoveAsync(id, ProjectStatus.Publicity);
        }));
        Assert.Equal(1, results.Count(r => r is null));
        using var check = app.Factory.Services.CreateScope();
        var ledger = check.ServiceProvider.GetRequiredService<BudgetLedger>();
        var regionId = await TestData.RegionIdAsync(app.Factory, TianTou);
        Assert.Equal(12_0000_00, await ledger.CommittedAsync(regionId, 2042));
    }

    [Fact]
    public async Task An_illegal_transition_posted_by_hand_is_refused_in_Chinese()
    {
        var id = await TestData.CreateProjectAsync(app.Factory, TianTou, 2043, 1_0000_00, ProjectStatus.Draft);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync($"/Projects/Detail/{id}", new() { ["to"] = nameof(ProjectStatus.InProgress) }, $"/Projects/Detail/{id}?handler=Move");
        var error = (await district.ReadAsync(response)).QuerySelector("[data-testid=error]")!.TextContent;
        Assert.Contains("不能从“草稿”变为“实施中”", error);
        Assert.Equal(ProjectStatus.Draft, await TestData.StatusAsync(app.Factory, id));
    }

    [Fact]
    public async Task Lowering_a_budget_below_what_is_committed_is_refused()
    {
        await TestData.SetBudgetAsync(app.Factory, TianTou, 2044, 10_0000_00);
        var id = await Fixtures.ScoredProjectAsync(app.Factory, TianTou, 2044, 15_0000_00);
        using (var scope = app.Factory.Services.CreateScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ProjectTransitions>().MoveAsync(id, ProjectStatus.Publicity));
        var district = await Browser.LoginAsync(app.Factory, "district");
        var regionId = await TestData.RegionIdAsync(app.Factory, TianTou);
        var response = await district.SubmitAsync("/Budgets?year=2044",
            new() { ["regionId"] = regionId.ToString(), ["year"] = "2044", ["districtFunds"] = "50000" }, "/Budgets?handler=Funds");
        Assert.Contains("不能低于已占用金额", (await district.ReadAsync(response)).QuerySelector("[data-testid=error]")!.TextContent);
        using var check = app.Factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<WeishiDbContext>();
        Assert.Equal(10_0000_00, await db.AnnualBudgets.Where(b => b.RegionId == regionId && b.Year == 2044).Select(b => b.DistrictFundsFen).SingleAsync());
    }
}
