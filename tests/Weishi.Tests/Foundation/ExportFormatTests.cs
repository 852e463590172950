using System.Globalization;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Foundation;

/// <summary>Excel downloads show what their page shows: numbers stay numbers, formatted as the page formats them.</summary>
[Collection(DemoCollection.Name)]
public class ExportFormatTests(DemoApp app)
{
    /// <summary>What Excel shows for a number under the workbook's format.</summary>
    private static string Shown(SheetCell cell) => cell.Format switch
    {
        _ when !cell.IsNumber => cell.Text,
        "0.0%" => (cell.Number * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        "0.00" => cell.Number.ToString("0.00", CultureInfo.InvariantCulture),
        _ => cell.Text,
    };

    [Fact]
    public async Task The_survey_workbook_shows_every_communitys_shares_and_means_as_the_page_does()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Surveys?By=community");
        var rows = page.QuerySelectorAll("[data-testid=group]").ToList();
        Assert.True(rows.Count >= 20, $"{rows.Count} communities");

        using var book = await Workbook.DownloadAsync(district, "/Surveys?handler=Export&By=community");
        var mean = book.Column("按社区", "总体满意度均值");
        var dissatisfied = book.Column("按社区", "不满意比例");
        var awareness = book.Column("按社区", "知晓率");
        foreach (var row in rows)
        {
            var community = row.Children[0].TextContent;
            // A community whose surveys nobody answered yet reads 暂无答卷 on the page and in the workbook.
            if (row.Children[2].TextContent != "0")
            {
                Assert.True(awareness[community].IsNumber, "a share is a number, not text");
                Assert.Equal("0.0%", awareness[community].Format);
            }
            Assert.Equal(row.Children[3].TextContent, Shown(mean[community]));
            Assert.Equal(row.Children[4].TextContent, Shown(dissatisfied[community]));
            Assert.Equal(row.Children[5].TextContent, Shown(awareness[community]));
        }
    }

    [Fact]
    public async Task The_contractor_workbook_shows_payments_in_wan_with_two_decimals_as_the_page_does()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Contractors");
        using var book = await Workbook.DownloadAsync(district, "/Contractors?handler=Export");
        var paid = book.Column("承接单位", "累计拨付（万元）", key: "统一社会信用代码");
        var rows = page.QuerySelectorAll("[data-testid=contractor-table] tbody tr").ToList();
        Assert.True(rows.Count >= 60);
        foreach (var row in rows)
        {
            var cell = paid[row.Children[1].TextContent.Trim()];
            Assert.True(cell.IsNumber, "a number, not text");
            Assert.Equal("0.00", cell.Format);
            Assert.Equal(row.Children[6].TextContent.Trim().Replace(",", "", StringComparison.Ordinal), Shown(cell));
        }
    }

    [Fact]
    public async Task The_contractor_workbook_shows_assessment_scores_with_two_decimals_as_the_page_and_the_pool_do()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Contractors");
        using var book = await Workbook.DownloadAsync(district, "/Contractors?handler=Export");
        var scores = book.Column("承接单位", "考核得分", key: "统一社会信用代码");
        var scored = page.QuerySelectorAll("[data-testid=contractor-table] tbody tr")
            .Select(r => (Code: r.Children[1].TextContent.Trim(), Shown: r.QuerySelector("[data-testid=score]")!.TextContent.Trim()))
            .Where(r => r.Shown != "—").ToList();
        Assert.True(scored.Count >= 10, $"{scored.Count} scored contractors");
        foreach (var (code, shown) in scored)
        {
            var score = shown[..shown.IndexOf('（', StringComparison.Ordinal)];
            Assert.Matches(@"^\d+\.\d\d$", score);   // 97.80, as 考核 pages (Detail, Compare) show it
            Assert.True(scores[code].IsNumber, "a number, not text");
            Assert.Equal("0.00", scores[code].Format);
            Assert.Equal(score, Shown(scores[code]));
        }

        var (_, pool) = await district.GetAsync("/Contractors/Admission/Pool");
        var poolScores = pool.QuerySelectorAll("[data-testid=pool-table] [data-testid=score]").Select(c => c.TextContent.Trim()).Where(t => t != "—").ToList();
        Assert.NotEmpty(poolScores);
        Assert.All(poolScores, s => Assert.Matches(@"^\d+\.\d\d（", s));
    }
}
