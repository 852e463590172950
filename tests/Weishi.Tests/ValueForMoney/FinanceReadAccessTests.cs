using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.CostBenchmarking;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Money;
using Xunit;

namespace Weishi.Tests.ValueForMoney;

/// <summary>The finance bureau and auditors read 比价 and 管养 (read all) but change nothing there; staff keep their forms.</summary>
[Collection(DemoCollection.Name)]
public class FinanceReadAccessTests(DemoApp app)
{
    private const string Pw = Weishi.Web.Features.Demo.DemoAccounts.Password;

    /// <summary>Forms that post to a page handler (the layout's logout form has none).</summary>
    private static List<string> HandlerForms(IHtmlDocument page) =>
        page.QuerySelectorAll("form[method=post]").Select(f => f.GetAttribute("action") ?? "").Where(a => a.Contains("handler=", StringComparison.Ordinal)).ToList();

    private async Task<HttpStatusCode> PostAsync(Browser b, string pageUrl, string postUrl, Dictionary<string, string> fields) =>
        (await b.SubmitAsync(pageUrl, fields, postUrl)).StatusCode;

    private async Task<int> ProjectAsync(string code, int year, string function, long perBeneficiaryFen, ProjectStatus status)
    {
        var id = await TestData.CreateProjectAsync(app.Factory, code, year, perBeneficiaryFen * 10, status);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var p = await db.Projects.Include(x => x.Region).SingleAsync(x => x.Id == id);
            p.Name = p.Region!.ShortName + function;
            p.PlannedBeneficiaries = 10;
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("auditor")]
    public async Task Read_all_roles_read_cost_benchmarking_with_its_figures_and_cannot_change_it(string user)
    {
        var function = "剪纸非遗传习课" + user;
        var codes = await Fixtures.QueryAsync(app.Factory, db => db.Regions.Where(r => r.Level == RegionLevel.Community && r.Code != Fixtures.LiuLian)
            .OrderBy(r => r.Code).Select(r => r.Code).Take(5).ToListAsync());
        long[] yuan = [1000, 1100, 1200, 1300, 1400];
        for (var i = 0; i < yuan.Length; i++) await ProjectAsync(codes[i], 2081, function, yuan[i] * 100, ProjectStatus.Accepted);
        using (var scope = app.Factory.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<CostNormService>().RefreshAsync();
        var id = await ProjectAsync(Fixtures.LiuLian, 2098, function, 5000_00, ProjectStatus.SubdistrictReview);
        var reader = await Browser.LoginAsync(app.Factory, user, Pw);

        // The district view: the same figures the district sees (the demo's spread and savings), no norm or settings forms.
        var district = await Browser.LoginAsync(app.Factory, "district", Pw);
        var (_, districtView) = await district.GetAsync("/CostBenchmarking");
        var (status, index) = await reader.GetAsync("/CostBenchmarking");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(index.QuerySelectorAll("[data-testid=cost-spread] tbody tr"));
        var saving = index.QuerySelector("[data-testid=total-saving]")!.TextContent;
        Assert.Equal(districtView.QuerySelector("[data-testid=total-saving]")!.TextContent, saving);
        Assert.NotEqual("0.00", saving);
        Assert.NotEmpty(HandlerForms(districtView));
        Assert.Empty(HandlerForms(index));

        // The project comparison (the unit-cost finding's evidence link): figures, flag and similar projects, no verdict forms.
        var url = $"/CostBenchmarking/Project/{id}";
        var (projectStatus, project) = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, projectStatus);
        Assert.Contains(Money.Yuan(5000_00L), project.QuerySelector("[data-testid=unit-cost]")?.TextContent ?? "(no comparison)");
        Assert.NotNull(project.QuerySelector("[data-testid=cost-flag]"));
        Assert.Equal(5, project.QuerySelectorAll("[data-testid=similar-projects] tbody tr").Count(r => r.TextContent.Contains(function)));
        Assert.Empty(HandlerForms(project));
        var (_, detail) = await reader.GetAsync($"/Projects/Detail/{id}");
        Assert.NotNull(detail.QuerySelector("[data-testid=cost-benchmark]"));
        Assert.Empty(detail.QuerySelectorAll("form[action*='handler=Match'], form[action*='handler=Reason']"));

        // Every handler refuses them and nothing is stored.
        var similar = await Fixtures.QueryAsync(app.Factory, db => db.Projects.Where(p => p.Name.EndsWith(function) && p.Id != id).Select(p => p.Id).FirstAsync());
        var normId = await Fixtures.QueryAsync(app.Factory, db => db.CostNorms.Where(n => n.Year == 0).Select(n => n.Id).FirstAsync());
        var rise = await Fixtures.QueryAsync(app.Factory, db => db.CostSettings.Select(s => (int?)s.PriceRisePerMille).FirstOrDefaultAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, url, $"{url}?handler=Match", new() { ["similarId"] = similar.ToString(), ["confirmed"] = "false" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, url, $"{url}?handler=Reason", new() { ["reason"] = "场地特殊" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, "/CostBenchmarking", "/CostBenchmarking?handler=Override", new() { ["normId"] = normId.ToString(), ["median"] = "1", ["note"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, "/CostBenchmarking", "/CostBenchmarking?handler=Settings", new() { ["priceRisePerMille"] = "199" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, "/CostBenchmarking", "/CostBenchmarking?handler=Refresh", []));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.SimilarMatches.AnyAsync(m => m.ProjectId == id)));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.CostApprovalReasons.AnyAsync(r => r.ProjectId == id)));
        Assert.Null(await Fixtures.QueryAsync(app.Factory, db => db.CostNorms.Where(n => n.Id == normId).Select(n => n.OverrideNote).SingleAsync()));
        Assert.Equal(rise, await Fixtures.QueryAsync(app.Factory, db => db.CostSettings.Select(s => (int?)s.PriceRisePerMille).FirstOrDefaultAsync()));

        // Staff keep their forms: the community confirms a match, the subdistrict sees the reason form.
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        var (_, staffView) = await cs.GetAsync(url);
        Assert.NotEmpty(staffView.QuerySelectorAll("form[action*='handler=Match']"));
        Assert.Equal(HttpStatusCode.Redirect, await PostAsync(cs, url, $"{url}?handler=Match", new() { ["similarId"] = similar.ToString(), ["confirmed"] = "true" }));
        Assert.True(await Fixtures.QueryAsync(app.Factory, db => db.SimilarMatches.AnyAsync(m => m.ProjectId == id && m.SimilarProjectId == similar && m.Confirmed)));
        var sd = await Browser.LoginAsync(app.Factory, "sd-ps", Pw);
        var (_, reviewerView) = await sd.GetAsync(url);
        Assert.NotNull(reviewerView.QuerySelector("form[action*='handler=Reason']"));
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("auditor")]
    public async Task Read_all_roles_read_the_upkeep_register_and_assets_and_cannot_change_them(string user)
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var name = "测试健身路径" + Guid.NewGuid().ToString("N")[..6];
        var id = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var a = new Asset { RegionId = regionId, Name = name, Kind = AssetKind.Facility, CompletedOn = new DateOnly(2024, 3, 1), ExpectedLifeYears = 10,
                ValueFen = 86_420_00, UpkeepBody = UpkeepBody.PropertyCompany, UpkeepBodyName = "测试物业公司", YearlyReserveFen = 12_345_00 };
            db.Assets.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        // A demo asset (derived from an accepted works project) in another community.
        var demo = await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => a.ProjectId != null && a.RegionId != regionId)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name, a.RegionId, a.ValueFen }).FirstAsync());
        var reader = await Browser.LoginAsync(app.Factory, user, Pw);

        var (status, register) = await reader.GetAsync($"/Maintenance?community={demo.RegionId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(register.QuerySelectorAll("table a"), a => a.TextContent == demo.Name && a.GetAttribute("href") == $"/Maintenance/Asset/{demo.Id}");
        var (_, demoAsset) = await reader.GetAsync($"/Maintenance/Asset/{demo.Id}");
        Assert.Contains($"价值 {Money.Yuan(demo.ValueFen)} 元", demoAsset.Body!.TextContent);

        var url = $"/Maintenance/Asset/{id}";
        var (assetStatus, asset) = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, assetStatus);
        Assert.Contains("价值 86,420.00 元", asset.Body!.TextContent);
        var upkeep = asset.QuerySelector("[data-testid=upkeep]")?.TextContent ?? "(no upkeep)";
        Assert.Contains("测试物业公司", upkeep);
        Assert.Contains("12,345.00", upkeep);
        Assert.Empty(HandlerForms(asset));
        Assert.Empty(asset.QuerySelectorAll("[data-testid$=-form], input[name=bodyName], input[type=file]"));
        var (schedulesStatus, schedules) = await reader.GetAsync("/Maintenance/Schedules");
        Assert.Equal(HttpStatusCode.OK, schedulesStatus);
        Assert.Empty(schedules.QuerySelectorAll("input[name=months]"));

        // Every handler refuses them (the database context's scope check for the asset, the page's role check for intervals).
        var interval = await Fixtures.QueryAsync(app.Factory, db => db.InspectionIntervals.Where(i => i.Kind == AssetKind.Lighting).Select(i => (int?)i.Months).FirstOrDefaultAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, url, $"{url}?handler=Upkeep", new() { ["body"] = "None", ["reserve"] = "0", ["address"] = "改过的地址" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, url, $"{url}?handler=Coordinates", new() { ["latitude"] = "22.70", ["longitude"] = "114.34" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, url, $"{url}?handler=Record", new() { ["kind"] = "Inspection", ["on"] = "2025-01-02", ["defects"] = "无" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(reader, "/Maintenance/Schedules", "/Maintenance/Schedules", new() { ["kind"] = "Lighting", ["months"] = "59" }));
        var after = await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => a.Id == id)
            .Select(a => new { a.UpkeepBody, a.YearlyReserveFen, a.Address, a.Latitude, Records = a.Records.Count }).SingleAsync());
        Assert.Equal((UpkeepBody.PropertyCompany, 12_345_00L, (string?)null, (decimal?)null, 0), (after.UpkeepBody, after.YearlyReserveFen, after.Address, after.Latitude, after.Records));
        Assert.Equal(interval, await Fixtures.QueryAsync(app.Factory, db => db.InspectionIntervals.Where(i => i.Kind == AssetKind.Lighting).Select(i => (int?)i.Months).FirstOrDefaultAsync()));

        // The community's staff still see and use the forms.
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        var (_, staffView) = await cs.GetAsync(url);
        Assert.NotNull(staffView.QuerySelector("[data-testid=upkeep-form]"));
        Assert.NotNull(staffView.QuerySelector("[data-testid=record-form]"));
        var saved = await cs.SubmitAsync(url, new() { ["body"] = "Community", ["bodyName"] = "六联社区工作站", ["reserve"] = "500" }, $"{url}?handler=Upkeep");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(500_00L, await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => a.Id == id).Select(a => a.YearlyReserveFen).SingleAsync()));
    }
}
