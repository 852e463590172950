using System.Net;
using MiniExcelLibs;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Foundation;

[Collection(DemoCollection.Name)]
public class StatisticsTests(DemoApp app)
{
    [Fact]
    public async Task The_statistics_page_shows_the_reports_yearly_figures_to_the_cent()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (status, page) = await district.GetAsync("/Statistics?year=2022");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("579", page.QuerySelector("[data-testid=projects-2021]")!.TextContent);
        Assert.Equal("4,368.20", page.QuerySelector("[data-testid=spent-2021]")!.TextContent);
        Assert.Equal("520", page.QuerySelector("[data-testid=projects-2022]")!.TextContent);
        Assert.Equal("4,684.16", page.QuerySelector("[data-testid=spent-2022]")!.TextContent);
        Assert.Equal("493", page.QuerySelector("[data-testid=projects-2023]")!.TextContent);
        Assert.Equal("4,683.04", page.QuerySelector("[data-testid=spent-2023]")!.TextContent);
        var subdistricts = page.QuerySelectorAll("[data-testid=by-subdistrict] tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Equal(["坪山街道", "马峦街道", "碧岭街道", "石井街道", "坑梓街道", "龙田街道"], subdistricts);
        var types = page.QuerySelectorAll("[data-testid=by-type] tbody tr").Select(r => int.Parse(r.Children[1].TextContent)).Sum();
        Assert.Equal(520, types);
        Assert.NotNull(page.QuerySelector("#years-data"));
    }

    [Fact]
    public async Task The_Excel_export_holds_the_same_figures()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.Client.GetAsync("/Statistics?handler=Export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var path = Path.GetTempFileName() + ".xlsx";
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        // Other tests add projects in far-future years to the shared database; the report's years are what we check.
        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "年度汇总").Cast<IDictionary<string, object>>()
            .Where(r => r["年度"].ToString() is "2021" or "2022" or "2023").ToList();
        Assert.Equal(["2021", "2022", "2023"], rows.Select(r => r["年度"].ToString()));
        Assert.Equal([579d, 520d, 493d], rows.Select(r => Convert.ToDouble(r["项目数（个）"])));
        Assert.Equal([4368.20m, 4684.16m, 4683.04m], rows.Select(r => Convert.ToDecimal(r["实际支出（万元）"])));
        Assert.Contains("2023按街道", MiniExcel.GetSheetNames(path));
        File.Delete(path);
    }

    [Fact]
    public async Task A_community_worker_sees_only_the_figures_of_its_community()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, page) = await staff.GetAsync("/Statistics");
        var projects2021 = int.Parse(page.QuerySelector("[data-testid=projects-2021]")!.TextContent);
        Assert.InRange(projects2021, 5, 60);
    }
}
