using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Xunit;

namespace Weishi.Tests.ValueForMoney;

/// <summary>比价分析 narrowed by year, type, category and region; the savings note says what the table covers.</summary>
[Collection(DemoCollection.Name)]
public class CostFilterTests(DemoApp app)
{
    private static List<List<string>> Rows(IHtmlDocument page) => page.QuerySelectorAll("[data-testid=cost-spread] tbody tr")
        .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();

    private static decimal Saving(IHtmlDocument page) =>
        decimal.Parse(page.QuerySelector("[data-testid=total-saving]")!.TextContent.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Year_and_type_narrow_the_rows_and_the_note_names_them()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, all) = await district.GetAsync("/CostBenchmarking");
        var (status, page) = await district.GetAsync("/CostBenchmarking?year=2022&type=Service");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Rows(page);
        Assert.NotEmpty(rows);
        Assert.True(rows.Count < Rows(all).Count);
        Assert.All(rows, r => Assert.StartsWith("服务类 /", r[1], StringComparison.Ordinal));
        // Every named top payer is of 2022 ("社区 2022（单价）").
        Assert.All(rows, r => Assert.All(r[6].Split('；'), payer => Assert.Contains(" 2022（", payer)));
        Assert.Contains("2022年服务类", page.QuerySelector("[data-testid=saving-basis]")!.TextContent);
        Assert.Equal("2022", page.QuerySelector("select[name=year] option[selected]")!.GetAttribute("value"));
        Assert.True(Saving(page) < Saving(all));
    }

    [Fact]
    public async Task A_community_keeps_the_district_yardstick_and_counts_only_its_own_projects()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, all) = await district.GetAsync("/CostBenchmarking");
        var (_, page) = await district.GetAsync($"/CostBenchmarking?region={liuLian}");
        var rows = Rows(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.All(r[6].Split('；'), payer => Assert.StartsWith("六联社区 ", payer, StringComparison.Ordinal)));
        // The yardstick is the district's: a function's count and median are those of the unfiltered table.
        var district1 = Rows(all).ToDictionary(r => (r[0], r[1]));
        Assert.All(rows, r => Assert.Equal((district1[(r[0], r[1])][2], district1[(r[0], r[1])][3]), (r[2], r[3])));
        Assert.True(Saving(page) < Saving(all));
        var note = page.QuerySelector("[data-testid=saving-basis]")!.TextContent;
        Assert.Contains("六联社区", note);
        Assert.Contains("只计所选街道、社区的项目", note);
    }

    [Fact]
    public async Task A_region_outside_the_users_scope_is_refused()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var staff = await Browser.LoginAsync(app.Factory, "cs-tk");
        var (status, _) = await staff.GetAsync($"/CostBenchmarking?region={liuLian}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        var (_, own) = await staff.GetAsync("/CostBenchmarking");
        Assert.Equal(["全区", "汤坑社区"], own.QuerySelectorAll("select[name=region] option").Select(o => o.TextContent.Trim()).ToList());
    }
}
