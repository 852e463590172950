using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Evaluation;
using Xunit;

namespace Weishi.Tests.Evaluation;

/// <summary>The rows behind an evaluation's data metric: every row reachable a page at a time, and all of them in the Excel export.</summary>
[Collection(DemoCollection.Name)]
public partial class DrillDownTests(DemoApp app)
{
    private async Task<int> DistrictEvaluationAsync(Browser finance)
    {
        var tree = await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme).OrderBy(t => t.Version).Select(t => t.Id).FirstAsync());
        var response = await finance.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = "坪山区 2021—2023 年度民生微实事项目（明细）", ["Input.TreeId"] = $"{tree}",
            ["Input.FromYear"] = "2021", ["Input.ToYear"] = "2023", ["Input.ScopeKind"] = "District",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static int Number(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"实施项目 ([\d,]+)；有检查记录 ([\d,]+)")]
    private static partial Regex InspectionInputs();

    [Fact]
    public async Task Every_row_of_the_district_metric_is_on_exactly_one_page_and_the_total_is_the_metrics_denominator()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await DistrictEvaluationAsync(finance);
        var (_, detail) = await finance.GetAsync($"/Evaluation/Detail/{id}");
        var drill = detail.QuerySelector("[data-testid=drill-B2-2]")!;
        Assert.Contains($"metric={DataMetrics.InspectionCoverage}", drill.GetAttribute("href"));
        var inputs = InspectionInputs().Match(drill.ParentElement!.TextContent);
        Assert.True(inputs.Success, drill.ParentElement.TextContent);
        var (denominator, numerator) = (Number(inputs.Groups[1].Value), Number(inputs.Groups[2].Value));
        Assert.Equal(1592, denominator);

        var url = $"/Evaluation/Rows?id={id}&metric={DataMetrics.InspectionCoverage}";
        var (_, first) = await finance.GetAsync(url);
        Assert.Equal($"第 1–100 条，共 {denominator} 条", first.QuerySelector("[data-testid=range]")!.TextContent.Trim());
        Assert.Equal(denominator, Number(first.QuerySelector("[data-testid=total]")!.TextContent));
        var next = first.QuerySelectorAll("nav[aria-label=分页] a").Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        Assert.Contains($"metric={DataMetrics.InspectionCoverage}", next);
        Assert.Contains("page=2", next);

        var seen = new List<string>();
        var counting = 0;
        var pages = (denominator + RowsModel.PageSize - 1) / RowsModel.PageSize;
        List<string> codesOnPage1 = [], codesOnPage2 = [];
        for (var page = 1; page <= pages; page++)
        {
            var (status, doc) = await finance.GetAsync(page == 1 ? url : "/Evaluation/Rows" + next.Replace("page=2", $"page={page}", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, status);
            var rows = doc.QuerySelectorAll("[data-testid=rows] tbody tr").ToList();
            Assert.Equal(Math.Min(RowsModel.PageSize, denominator - (page - 1) * RowsModel.PageSize), rows.Count);
            var codes = rows.Select(tr => tr.Children[0].TextContent.Trim()).ToList();
            if (page == 1) codesOnPage1 = codes;
            if (page == 2)
            {
                codesOnPage2 = codes;
                Assert.Equal($"第 101–200 条，共 {denominator} 条", doc.QuerySelector("[data-testid=range]")!.TextContent.Trim());
            }
            seen.AddRange(codes);
            counting += rows.Count(tr => !tr.ClassList.Contains("table-warning"));
        }
        Assert.Empty(codesOnPage1.Intersect(codesOnPage2));
        Assert.Equal(denominator, seen.Count);
        Assert.Equal(denominator, seen.Distinct().Count());   // no row on two pages, none left out
        Assert.Equal(numerator, counting);                     // the rows that count are told apart from those that don't
    }

    [Fact]
    public async Task The_export_has_every_row_with_chinese_headers_and_money_as_yuan_numbers()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await DistrictEvaluationAsync(finance);
        var (_, page) = await finance.GetAsync($"/Evaluation/Rows?id={id}&metric={DataMetrics.BudgetExecution}");
        var total = Number(page.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.True(total > 1000, $"the district has more rows than the old cap: {total}");
        var href = page.QuerySelector("[data-testid=export]")!.GetAttribute("href")!;

        var response = await finance.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Weishi.Web.Infrastructure.Web.ExcelFile.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(total, rows.Count);
        Assert.Equal(["项目编号", "项目名称", "社区", "年度", "项目预算（元）", "实际支出（元）", "计入指标"], rows[0].Keys);
        Assert.Equal(total, rows.Select(r => (string)r["项目编号"]).Distinct().Count());

        // Money is a number in 元 (two decimals), the project's budget lines and payments in 分 divided by 100.
        var code = (string)rows[0]["项目编号"];
        var (budgetFen, spentFen) = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var p = await db.Projects.Where(x => x.Code == code).Select(x => new { B = x.BudgetLines.Sum(l => l.AmountFen), S = x.Disbursements.Sum(d => d.AmountFen) }).SingleAsync();
            return (p.B, p.S);
        });
        Assert.Equal(budgetFen / 100m, Convert.ToDecimal(rows[0]["项目预算（元）"], CultureInfo.InvariantCulture));
        Assert.Equal(spentFen / 100m, Convert.ToDecimal(rows[0]["实际支出（元）"], CultureInfo.InvariantCulture));
        Assert.Equal(spentFen > 0 ? "是" : "否", rows[0]["计入指标"]);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var budgetCell = sheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ElementAt(4);
        Assert.True(budgetCell.DataType is null || budgetCell.DataType.Value == CellValues.Number, "a number, not text");
        var formats = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var style = (CellFormat)formats.CellFormats!.ElementAt((int)budgetCell.StyleIndex!.Value);
        var numberFormat = formats.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId!.Value == style.NumberFormatId!.Value);
        Assert.True(style.NumberFormatId!.Value == 2 || numberFormat?.FormatCode?.Value == "0.00", "shown with two decimals");
    }

    [Fact]
    public async Task Who_cannot_open_an_evaluation_cannot_export_its_rows()
    {
        var own = await Browser.LoginAsync(app.Factory, "cs-ll");
        var tree = await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.SelfEvaluation).OrderBy(t => t.Version).Select(t => t.Id).FirstAsync());
        var created = await own.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = "六联社区自评（明细）", ["Input.TreeId"] = $"{tree}", ["Input.FromYear"] = "2023", ["Input.ToYear"] = "2023",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        var export = $"/Evaluation/Rows?handler=Export&id={id}&metric={DataMetrics.Completion}";

        var mine = await own.Client.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(Weishi.Web.Infrastructure.Web.ExcelFile.ContentType, mine.Content.Headers.ContentType!.MediaType);

        var other = await Browser.LoginAsync(app.Factory, "cs-lh");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(export)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Evaluation/Rows?id={id}&metric={DataMetrics.Completion}")).Status);

        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var refused = await contractor.Client.GetAsync(export);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual(Weishi.Web.Infrastructure.Web.ExcelFile.ContentType, refused.Content.Headers.ContentType?.MediaType);
    }
}
