using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Evaluation;

namespace Weishi.Tests.Evaluation;

/// <summary>
/// 受益人数达成率 counts people reached the way its plan counts them, per project: the evaluation's figure, its drill-down
/// rows and the findings' 受益人数 statement give the same numbers.
/// </summary>
[Collection(DemoCollection.Name)]
public partial class BeneficiariesMetricTests(DemoApp app)
{
    [GeneratedRegex(@"计划受益人数 ([\d,]+)；各项目不重复签到人数之和 ([\d,]+)")]
    private static partial Regex Inputs();

    private static int Number(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_people_reached_are_the_sum_of_the_drill_down_rows_and_the_findings_figure()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var tree = await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme).OrderBy(t => t.Version).Select(t => t.Id).FirstAsync());
        var created = await finance.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = "坪山区 2021—2023 年度民生微实事项目（受益人数）", ["Input.TreeId"] = $"{tree}",
            ["Input.FromYear"] = "2021", ["Input.ToYear"] = "2023", ["Input.ScopeKind"] = "District",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/').Last();

        var (_, detail) = await finance.GetAsync($"/Evaluation/Detail/{id}");
        var cell = detail.QuerySelector("[data-testid=drill-C1-2]")!.ParentElement!;
        var inputs = Inputs().Match(cell.TextContent);
        Assert.True(inputs.Success, cell.TextContent);
        var (planned, reached) = (Number(inputs.Groups[1].Value), Number(inputs.Groups[2].Value));

        using var book = await Workbook.DownloadAsync(finance, $"/Evaluation/Rows?handler=Export&id={id}&metric={DataMetrics.BeneficiariesReached}");
        var rows = book.Rows("数据明细");
        var headers = rows[0].Select(c => c.Text).ToList();
        Assert.Equal(planned, rows.Skip(1).Sum(r => r[headers.IndexOf("计划受益人数")].Number));
        Assert.Equal(reached, rows.Skip(1).Sum(r => r[headers.IndexOf("不重复签到人数")].Number));
        Assert.Contains(Weishi.Web.Infrastructure.Web.Display.Percent((decimal)reached / planned), cell.TextContent);

        var (_, findings) = await finance.GetAsync("/Findings?from=2021&to=2023");
        Assert.Contains($"合计申报 {planned} 人、实际 {reached} 人", findings.Body!.TextContent);
    }
}
