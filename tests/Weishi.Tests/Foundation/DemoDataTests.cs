using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Demo;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Tests.Foundation;

[Collection(DemoCollection.Name)]
public class DemoDataTests(DemoApp app)
{
    // The source report, 一(三): projects carried out and actual spending per year, in fen.
    public static TheoryData<int, int, long> ReportFigures => new()
    {
        { 2021, 579, 4368_20_0000L },
        { 2022, 520, 4684_16_0000L },
        { 2023, 493, 4683_04_0000L },
    };

    [Theory]
    [MemberData(nameof(ReportFigures))]
    public async Task Yearly_projects_and_spending_equal_the_report(int year, int projects, long spentFen)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        Assert.Equal(projects, await db.Projects.CountAsync(p => p.Year == year && ProjectWorkflow.Implemented.Contains(p.Status)));
        Assert.Equal(spentFen, await db.Disbursements.Where(d => d.Project!.Year == year).SumAsync(d => d.AmountFen));
    }

    [Fact]
    public async Task Every_need_traced_to_a_project_is_of_its_community_and_category_and_asks_for_what_it_delivers()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var demoYears = DemoYear.FromReport.Select(y => y.Year).ToList();   // other tests link needs of their own
        var links = await db.Demands.IgnoreQueryFilters().Where(d => d.ProjectId != null && demoYears.Contains(d.Project!.Year))
            .Select(d => new { d.Id, d.Text, d.Category, d.RegionId, Project = d.Project!.Name, ProjectCategory = d.Project.Category, ProjectRegion = d.Project.RegionId })
            .ToListAsync();
        Assert.NotEmpty(links);
        Assert.All(links, l =>
        {
            Assert.Equal(ProjectNames.Category(l.ProjectCategory), l.Category);
            Assert.Equal(l.ProjectRegion, l.RegionId);
            Assert.True(DemoCatalogue.Fits(l.Text, l.Project), $"需求 {l.Id}「{l.Text}」不对应项目「{l.Project}」");
        });
        // The QA example: the flooded crossing was shown as turned into an anti-fraud campaign.
        var flooding = links.Where(l => l.Text.Contains("雨天路口积水", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(flooding);
        Assert.All(flooding, l => Assert.Contains("积水点排水改造", l.Project, StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.Text.Contains("积水", StringComparison.Ordinal) && l.Project.Contains("反诈", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pingshan_has_six_subdistricts_and_its_communities_from_the_official_codes()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var regions = await db.Regions.ToListAsync();
        Assert.Equal("坪山区", regions.Single(r => r.Level == RegionLevel.District).Name);
        Assert.Equal(6, regions.Count(r => r.Level == RegionLevel.Subdistrict));
        Assert.Equal(24, regions.Count(r => r.Level == RegionLevel.Community));
        Assert.DoesNotContain(regions, r => r.Name.Contains("虚拟", StringComparison.Ordinal));
        Assert.Contains(regions, r => r.Code == "440310001001" && r.Name == "六联社区居委会");
    }

    [Fact]
    public async Task Every_community_spends_within_its_budget_and_the_subsidy_is_matched_and_capped()
    {
        using var scope = app.Factory.Services.CreateScope();
        var ledger = scope.ServiceProvider.GetRequiredService<BudgetLedger>();
        foreach (var year in new[] { 2021, 2022, 2023 })
        {
            var figures = await ledger.ForYearAsync(year);
            Assert.Equal(24, figures.Count);
            foreach (var f in figures.Values)
            {
                Assert.True(f.CommittedFen <= f.TotalFen, $"{year} region {f.RegionId} committed beyond budget");
                Assert.True(f.SpentFen <= f.CommittedFen);
                Assert.Equal(Math.Min(f.DistrictFundsFen, YearSetting.DefaultSubsidyCapFen), f.CitySubsidyFen);
            }
        }
    }

    [Fact]
    public async Task More_than_half_of_service_projects_are_one_off_and_all_three_types_are_present()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var services = await db.Projects.Where(p => p.Type == ProjectType.Service).ToListAsync();
        Assert.True(services.Count(p => p.IsOneOff) * 2 > services.Count);
        foreach (var type in Enum.GetValues<ProjectType>())
            Assert.True(await db.Projects.CountAsync(p => p.Type == type) > 100);
        Assert.True(await db.Projects.Select(p => p.Category).Distinct().CountAsync() == 10);
    }

    [Fact]
    public async Task Codes_are_readable_and_budget_lines_add_up()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        Assert.True(await db.Projects.AnyAsync(p => p.Code == "2023-PS-LL-001"));
        var lines = await db.BudgetLines.Take(500).ToListAsync();
        Assert.All(lines, l => Assert.Equal(BudgetLine.Amount(l.Quantity, l.UnitPriceFen), l.AmountFen));
    }
    [Fact]
    public async Task Dates_of_what_happened_obey_the_rules_of_the_forms()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var today = ChinaDate.Today(app.Factory.Clock);
        // The demo's projects (report years and the year under way); other tests add their own in far-future years.
        var demo = db.Projects.IgnoreQueryFilters().Where(p => p.Year <= today.Year && p.Code.Contains("-PS-")).Select(p => p.Id);
        var contracts = db.Contracts.IgnoreQueryFilters();
        Assert.True(await demo.CountAsync() > 1000);

        Assert.Empty(await db.Disbursements.IgnoreQueryFilters()
            .Where(d => demo.Contains(d.ProjectId) && (d.PaidOn > today || contracts.Any(c => c.ProjectId == d.ProjectId && d.PaidOn < c.SignedOn)))
            .Select(d => d.Id).ToListAsync());
        Assert.Empty(await contracts.Where(c => demo.Contains(c.ProjectId) && c.SignedOn > today).Select(c => c.Id).ToListAsync());
        Assert.Empty(await db.Inspections.IgnoreQueryFilters().Where(i => demo.Contains(i.ProjectId) && i.InspectedOn > today).Select(i => i.Id).ToListAsync());
        Assert.Empty(await db.AcceptanceRecords.IgnoreQueryFilters()
            .Where(a => demo.Contains(a.ProjectId) && (a.AcceptedOn > today || contracts.Any(c => c.ProjectId == a.ProjectId && a.AcceptedOn < c.StartOn)))
            .Select(a => a.Id).ToListAsync());
        Assert.Empty(await db.ProgressRecords.IgnoreQueryFilters().Where(r => demo.Contains(r.ProjectId) && r.RecordedOn > today).Select(r => r.Id).ToListAsync());
        Assert.Empty(await db.Milestones.IgnoreQueryFilters().Where(m => demo.Contains(m.ProjectId) && m.DoneOn > today).Select(m => m.Id).ToListAsync());
    }
}
