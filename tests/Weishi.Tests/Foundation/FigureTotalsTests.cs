using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Tests.Foundation;

/// <summary>
/// The same money on the statistics page, the budgets page and the statistics workbook: totals summed in 分 equal the
/// report's yearly spending, and where rounded parts do not add up to their total the page says so.
/// </summary>
[Collection(DemoCollection.Name)]
public class FigureTotalsTests(DemoApp app)
{
    private static string Cell(AngleSharp.Dom.IElement row, int index) => row.Children[index].TextContent.Trim();

    [Fact]
    public async Task Each_statistics_breakdown_ends_with_the_years_total_and_notes_rounding_where_its_parts_miss_it()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Statistics?year=2022");
        foreach (var key in new[] { "subdistrict", "type", "category" })
        {
            var total = page.QuerySelector($"[data-testid=total-{key}]")!;
            Assert.Equal(["合计", "520", "4,684.16"], total.Children.Select(c => c.TextContent.Trim()));
        }
        // 2022 by subdistrict: the six rounded amounts add up to 4,684.17, one cent above the year; by type they add up.
        var parts = page.QuerySelectorAll("[data-testid=by-subdistrict] tbody tr").Sum(r => decimal.Parse(Cell(r, 2).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4684.17m, parts);
        Assert.Equal(Money.WanRoundingNote, page.QuerySelector("[data-testid=rounding-subdistrict]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=rounding-type]"));
    }

    [Fact]
    public async Task The_budget_page_totals_the_communities_to_the_reports_spending_and_its_execution_rate()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (_, page) = await finance.GetAsync("/Budgets?year=2022");
        var total = page.QuerySelector("[data-testid=community-total]")!;
        // 区级资金, 市级补助, 年度预算, 已占用, 已支出, 执行率 (spent ÷ budget of the total, not a mean of the rates)
        Assert.Equal("5,289.00", Cell(total, 3));
        Assert.Equal("4,684.16", Cell(total, 5));
        Assert.Equal("88.6%", Cell(total, 6));
        Assert.Equal(Money.WanRoundingNote, page.QuerySelector("[data-testid=budget-rounding]")?.TextContent.Trim());

        var (_, statistics) = await finance.GetAsync("/Statistics?year=2022");
        Assert.Equal(statistics.QuerySelector("[data-testid=spent-2022]")!.TextContent, Cell(total, 5));
    }

    [Fact]
    public async Task The_execution_page_notes_rounding_where_its_subdistricts_miss_the_total()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (_, page) = await finance.GetAsync("/Delivery/Execution?year=2022");
        Assert.Contains("4,684.16 / ", page.QuerySelector("[data-testid=total]")!.TextContent);
        // The six subdistricts' 拨付 shown rounded add up to 4,684.17.
        Assert.Equal(Money.WanRoundingNote, page.QuerySelector("[data-testid=rounding]")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_statistics_workbook_holds_the_pages_figures_as_two_decimal_numbers()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        using var book = await Workbook.DownloadAsync(district, "/Statistics?handler=Export");
        var yearly = book.Column("年度汇总", "实际支出（万元）");
        Assert.Equal(4368.20m, yearly["2021"].Number);
        Assert.True(yearly["2021"].IsNumber, "a number, not text");
        Assert.Equal("0.00", yearly["2021"].Format);   // shown 4368.20, as on the page, not 4368.2

        var bySubdistrict = book.Column("2022按街道", "实际支出（万元）");
        Assert.Equal(4684.16m, bySubdistrict["合计"].Number);
        Assert.Equal(520m, book.Column("2022按街道", "项目数（个）")["合计"].Number);
        Assert.All(bySubdistrict.Values, c => Assert.Equal("0.00", c.Format));
    }

    [Fact]
    public async Task An_amount_ending_in_half_a_cent_of_wan_is_rounded_the_same_on_the_page_and_in_the_workbook()
    {
        const int year = 2075;
        var project = await TestData.CreateProjectAsync(app.Factory, "440310001001", year, 200_000_00, ProjectStatus.Accepted);
        // 123,450 元 = 12.345 万元: the page rounds half away from zero to 12.35; the file must not say 12.34.
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            db.Disbursements.Add(new Disbursement { ProjectId = project, PaidOn = new DateOnly(year, 6, 1), AmountFen = 123_450_00, Stage = "全额拨付" });
            await db.SaveChangesAsync();
        });
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync($"/Statistics?year={year}");
        Assert.Equal("12.35", page.QuerySelector($"[data-testid=spent-{year}]")!.TextContent);

        using var book = await Workbook.DownloadAsync(district, "/Statistics?handler=Export");
        Assert.Equal(12.35m, book.Column("年度汇总", "实际支出（万元）")[$"{year}"].Number);
        Assert.Equal(12.35m, book.Column($"{year}按街道", "实际支出（万元）")["坪山街道"].Number);
    }
}
