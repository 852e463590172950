using System.Net;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.CostBenchmarking;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Xunit;

namespace Weishi.Tests.ValueForMoney;

/// <summary>Cheap outliers, verdicts feeding the norm, price level of the proposal's year, inspection intervals, coordinates, warm-up.</summary>
[Collection(DemoCollection.Name)]
public class ValueForMoneyGapTests(DemoApp app)
{
    private const string Pw = Weishi.Web.Features.Demo.DemoAccounts.Password;

    /// <summary>A project of the named function in a community other than 六联 (index picks which), with cost per beneficiary.</summary>
    private async Task<int> ProjectAsync(int communityIndex, int year, string function, int beneficiaries, long perBeneficiaryFen, ProjectStatus status)
    {
        var code = await Fixtures.QueryAsync(app.Factory, db => db.Regions.Where(r => r.Level == RegionLevel.Community && r.Code != Fixtures.LiuLian)
            .OrderBy(r => r.Code).Select(r => r.Code).Skip(communityIndex).FirstAsync());
        return await ProjectInAsync(code, year, function, beneficiaries, perBeneficiaryFen, status);
    }

    private async Task<int> ProjectInAsync(string code, int year, string function, int beneficiaries, long perBeneficiaryFen, ProjectStatus status)
    {
        var id = await TestData.CreateProjectAsync(app.Factory, code, year, perBeneficiaryFen * beneficiaries, status);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var p = await db.Projects.Include(x => x.Region).SingleAsync(x => x.Id == id);
            p.Name = p.Region!.ShortName + function;
            p.PlannedBeneficiaries = beneficiaries;
            await db.SaveChangesAsync();
        });
        return id;
    }

    private async Task RefreshNormsAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CostNormService>().RefreshAsync();
    }

    private static string Norm(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[data-testid=cost-norm]")?.TextContent ?? "(no norm)";

    [Fact]
    public async Task A_cheap_proposal_shows_the_under_delivery_warning_and_not_the_expensive_flag()
    {
        const string function = "陶艺亲子工作坊";
        long[] yuan = [1000, 1100, 1200, 1300, 1400];   // Q1 1100, Q3 1300: lower fence 1100 − 1.5 × 200 = 800 元
        for (var i = 0; i < yuan.Length; i++) await ProjectAsync(i, 2079, function, 10, yuan[i] * 100, ProjectStatus.Accepted);
        await RefreshNormsAsync();
        var cheap = await ProjectInAsync(Fixtures.LiuLian, 2097, function, 10, 799_00, ProjectStatus.SubdistrictReview);
        var fair = await ProjectInAsync(Fixtures.LiuLian, 2097, function, 10, 800_00, ProjectStatus.SubdistrictReview);

        var sd = await Browser.LoginAsync(app.Factory, "sd-ps", Pw);
        var (_, page) = await sd.GetAsync($"/Projects/Detail/{cheap}");
        var warning = page.QuerySelector("[data-testid=cost-flag-low]");
        Assert.True(warning is not null, page.QuerySelector("[data-testid=cost-benchmark]")?.TextContent);
        Assert.Contains("可能服务缩水", warning!.TextContent);
        Assert.Contains("偏低", warning.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=cost-flag]"));
        Assert.Contains("border-warning", page.QuerySelector("[data-testid=cost-benchmark]")!.ClassName);

        var (_, atFence) = await sd.GetAsync($"/Projects/Detail/{fair}");
        Assert.Null(atFence.QuerySelector("[data-testid=cost-flag-low]"));
        Assert.Null(atFence.QuerySelector("[data-testid=cost-flag]"));
    }

    [Fact]
    public async Task Confirmed_matches_join_the_norm_and_rejected_ones_leave_it_for_this_and_later_proposals()
    {
        const string function = "插花疗愈体验营";
        var past = new List<int>();
        long[] yuan = [100, 200, 300, 400];
        for (var i = 0; i < yuan.Length; i++) past.Add(await ProjectAsync(i, 2079, function, 10, yuan[i] * 100, ProjectStatus.Accepted));
        var other = await ProjectAsync(5, 2079, "园艺手作沙龙", 10, 500_00, ProjectStatus.Accepted);   // a different name, same function in fact
        await RefreshNormsAsync();
        var id = await ProjectInAsync(Fixtures.LiuLian, 2095, function, 10, 300_00, ProjectStatus.SubdistrictReview);

        var sd = await Browser.LoginAsync(app.Factory, "sd-ps", Pw);
        var (_, before) = await sd.GetAsync($"/Projects/Detail/{id}");
        Assert.Contains("中位数 250.00 元/受益人（", Norm(before));
        Assert.Contains("4 个项目", Norm(before));
        Assert.DoesNotContain(before.QuerySelectorAll("[data-testid=similar-projects] tbody tr"), r => r.TextContent.Contains("园艺手作沙龙"));

        await sd.SubmitAsync($"/Projects/Detail/{id}", new() { ["similarId"] = other.ToString(), ["confirmed"] = "true" }, $"/CostBenchmarking/Project/{id}?handler=Match");
        var (_, confirmed) = await sd.GetAsync($"/Projects/Detail/{id}");
        Assert.Contains("中位数 300.00 元", Norm(confirmed));   // 100, 200, 300, 400, 500
        Assert.Contains("5 个项目", Norm(confirmed));
        Assert.Contains(confirmed.QuerySelectorAll("[data-testid=similar-projects] tbody tr"), r => r.TextContent.Contains("园艺手作沙龙") && r.TextContent.Contains("已确认"));

        await sd.SubmitAsync($"/Projects/Detail/{id}", new() { ["similarId"] = past[0].ToString(), ["confirmed"] = "false" }, $"/CostBenchmarking/Project/{id}?handler=Match");
        var (_, rejected) = await sd.GetAsync($"/Projects/Detail/{id}");
        Assert.Contains("中位数 350.00 元", Norm(rejected));   // 200, 300, 400, 500
        Assert.Contains("4 个项目", Norm(rejected));

        // A later proposal of the same function in another community learns from these verdicts.
        var later = await ProjectInAsync(Fixtures.LiuHe, 2096, function, 10, 300_00, ProjectStatus.SubdistrictReview);
        var (_, next) = await sd.GetAsync($"/Projects/Detail/{later}");
        Assert.Contains("中位数 350.00 元", Norm(next));
        var rows = next.QuerySelectorAll("[data-testid=similar-projects] tbody tr");
        Assert.Contains(rows, r => r.TextContent.Contains("园艺手作沙龙"));
        Assert.DoesNotContain(next.QuerySelectorAll("[data-testid=similar-projects] input[name=similarId]"), i => i.GetAttribute("value") == past[0].ToString());
        Assert.Equal(3, rows.Count(r => r.TextContent.Contains(function)));
    }

    [Fact]
    public async Task The_norm_is_brought_to_the_proposals_year_not_the_latest_data_year()
    {
        const string function = "非遗剪纸传习班";
        for (var i = 0; i < 3; i++) await ProjectAsync(i, 2079, function, 10, 100_00, ProjectStatus.Accepted);
        await RefreshNormsAsync();
        var id = await ProjectInAsync(Fixtures.LiuLian, 2098, function, 10, 100_00, ProjectStatus.SubdistrictReview);
        var sd = await Browser.LoginAsync(app.Factory, "sd-ps", Pw);
        var (_, page) = await sd.GetAsync($"/Projects/Detail/{id}");
        Assert.Contains("按 2098 年价格", Norm(page));
    }

    [Fact]
    public async Task Inspection_intervals_are_data_the_district_admin_sets_and_overdue_flags_follow_them()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var name = "测试绿地" + Guid.NewGuid().ToString("N")[..6];
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            db.Assets.Add(new Asset
            {
                RegionId = regionId, Name = name, Kind = AssetKind.Greenery, UpkeepBody = UpkeepBody.Community, UpkeepBodyName = "社区工作站",
                YearlyReserveFen = 100_00, CompletedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-4), ExpectedLifeYears = 10,
            });
            await db.SaveChangesAsync();
        });
        async Task<string> RowAsync(Browser b)
        {
            var (_, register) = await b.GetAsync("/Maintenance");
            return register.QuerySelectorAll("[data-testid=asset-register] tbody tr").Single(r => r.TextContent.Contains(name)).TextContent;
        }
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        Assert.DoesNotContain("巡查逾期", await RowAsync(cs));   // greenery: every 12 months by default

        var token = await Fixtures.TokenAsync(cs, "/Proposals/Create?year=2094");
        var refused = await cs.Client.PostAsync("/Maintenance/Schedules",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["kind"] = "Greenery", ["months"] = "3" }));
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(12, await Fixtures.QueryAsync(app.Factory, db => db.InspectionIntervals.Where(i => i.Kind == AssetKind.Greenery).Select(i => i.Months).SingleAsync()));

        var district = await Browser.LoginAsync(app.Factory, "district", Pw);
        try
        {
            foreach (var bad in new[] { "0", "61", "三", "" })
            {
                var page = await district.ReadAsync(await district.SubmitAsync("/Maintenance/Schedules", new() { ["kind"] = "Greenery", ["months"] = bad }, "/Maintenance/Schedules"));
                Assert.Contains("巡查周期须为 1–60 之间的整数", Fixtures.Errors(page));
            }
            Assert.Equal(12, await Fixtures.QueryAsync(app.Factory, db => db.InspectionIntervals.Where(i => i.Kind == AssetKind.Greenery).Select(i => i.Months).SingleAsync()));

            var ok = await district.SubmitAsync("/Maintenance/Schedules", new() { ["kind"] = "Greenery", ["months"] = "3" }, "/Maintenance/Schedules");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            Assert.Contains("巡查逾期", await RowAsync(cs));
            var (_, schedules) = await cs.GetAsync("/Maintenance/Schedules");
            Assert.Contains("3", schedules.QuerySelector("[data-testid=inspection-intervals] tr[data-kind=Greenery]")!.TextContent);
        }
        finally
        {
            await Fixtures.ExecAsync(app.Factory, async db =>
            {
                (await db.InspectionIntervals.SingleAsync(i => i.Kind == AssetKind.Greenery)).Months = 12;
                await db.SaveChangesAsync();
            });
        }
        Assert.DoesNotContain("巡查逾期", await RowAsync(cs));
    }

    [Fact]
    public async Task Coordinates_are_checked_against_Shenzhen_and_bad_input_saves_nothing()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var id = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var a = new Asset { RegionId = regionId, Name = "测试路灯" + Guid.NewGuid().ToString("N")[..6], Kind = AssetKind.Lighting, CompletedOn = DateOnly.FromDateTime(DateTime.UtcNow), ExpectedLifeYears = 8 };
            db.Assets.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        var url = $"/Maintenance/Asset/{id}";
        var cases = new (string Lat, string Lng, string Message)[]
        {
            ("114.35", "22.71", "不在深圳市范围内"),      // swapped
            ("39.90", "116.40", "不在深圳市范围内"),      // Beijing
            ("22.71", "", "须同时填写"),
            ("北纬22度", "114.35", "纬度须为数字"),
            ("22.71", "abc", "经度须为数字"),
        };
        foreach (var (lat, lng, message) in cases)
        {
            var page = await cs.ReadAsync(await cs.SubmitAsync(url, new() { ["latitude"] = lat, ["longitude"] = lng }, $"{url}?handler=Coordinates"));
            Assert.Contains(message, Fixtures.Errors(page));
        }
        var unchanged = await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => a.Id == id).Select(a => new { a.Latitude, a.Longitude }).SingleAsync());
        Assert.Null(unchanged.Latitude);
        Assert.Null(unchanged.Longitude);

        var saved = await cs.SubmitAsync(url, new() { ["latitude"] = "22.7081", ["longitude"] = "114.3463" }, $"{url}?handler=Coordinates");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((22.7081m, 114.3463m), await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var a = await db.Assets.SingleAsync(x => x.Id == id);
            return (a.Latitude!.Value, a.Longitude!.Value);
        }));
        var (_, shown) = await cs.GetAsync(url);
        Assert.Equal("22.7081", shown.QuerySelector("#latitude")!.GetAttribute("value"));

        var other = await Browser.LoginAsync(app.Factory, "cs-lh", Pw);
        var token = await Fixtures.TokenAsync(other, "/Proposals/Create?year=2094");
        var response = await other.Client.PostAsync($"{url}?handler=Coordinates",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["latitude"] = "22.60", ["longitude"] = "114.10" }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(22.7081m, await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => a.Id == id).Select(a => a.Latitude!.Value).SingleAsync()));
    }

    [Fact]
    public async Task The_register_exports_to_Excel_with_the_flags()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var name = "测试导出设施" + Guid.NewGuid().ToString("N")[..6];
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            db.Assets.Add(new Asset { RegionId = regionId, Name = name, Kind = AssetKind.Facility, CompletedOn = DateOnly.FromDateTime(DateTime.UtcNow), ExpectedLifeYears = 10 });
            await db.SaveChangesAsync();
        });
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        var response = await cs.Client.GetAsync($"/Maintenance?handler=Export&community={regionId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows, r => Equals(r["名称"], name));
        Assert.Equal("是", row["无管养主体"]);
        Assert.Equal("是", row["无管养资金"]);
    }

    [Fact]
    public async Task The_segmenter_is_warmed_by_a_hosted_service_at_start_up()
    {
        var warmup = app.Factory.Services.GetRequiredService<SegmenterWarmup>();
        Assert.Contains(app.Factory.Services.GetServices<IHostedService>(), s => ReferenceEquals(s, warmup));
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(warmup.Warmed);
    }
}
