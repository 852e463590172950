using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Evaluation;
using Xunit;

namespace Weishi.Tests.Evaluation;

/// <summary>The comparison table shows each kind of figure in one format, right-aligned, with a name column that keeps its width.</summary>
[Collection(DemoCollection.Name)]
public partial class CompareFormatTests(DemoApp app)
{
    [GeneratedRegex(@"^\d+\.\d{2}$")] private static partial Regex TwoDecimals();
    [GeneratedRegex(@"^\d+\.\d%$")] private static partial Regex Percent();

    [Fact]
    public async Task Every_score_has_two_decimals_every_ratio_is_a_percentage_and_the_names_keep_their_width()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var treeId = await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme)
            .OrderBy(t => t.Version).Select(t => t.Id).FirstAsync());
        var created = await finance.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = "对比格式检查", ["Input.TreeId"] = $"{treeId}",
            ["Input.FromYear"] = "2021", ["Input.ToYear"] = "2023", ["Input.ScopeKind"] = "District",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/').Last();

        foreach (var by in new[] { "subdistrict", "year" })
        {
            var (status, page) = await finance.GetAsync($"/Evaluation/Compare/{id}?by={by}");
            Assert.Equal(HttpStatusCode.OK, status);
            var table = page.QuerySelector("[data-testid=compare]")!;
            Assert.NotNull(table.Closest(".table-responsive"));   // scrolls sideways on a phone
            var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
            var totalColumn = headers.IndexOf("总分");
            var gradeColumn = headers.IndexOf("等级");
            var rows = table.QuerySelectorAll("tbody tr").ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var cells = row.QuerySelectorAll("td").ToList();
                Assert.Contains("name", cells[0].ClassList);
                // Top-level scores and the total: two decimals each (85.00, not 85 beside 85.35 and 0.8).
                for (var i = 1; i <= totalColumn; i++)
                {
                    Assert.Matches(TwoDecimals(), cells[i].TextContent.Trim());
                    Assert.Contains("num", cells[i].ClassList);
                }
                // Data indicators: ratios as x.x%, the one coefficient with three decimals, all right-aligned.
                for (var i = gradeColumn + 1; i < cells.Count; i++)
                {
                    var text = cells[i].TextContent.Trim();
                    Assert.Contains("num", cells[i].ClassList);
                    if (text is "无数据" or "—") continue;
                    if (cells[i].GetAttribute("data-kind") == "percent") Assert.Matches(Percent(), text);
                    else Assert.Matches(@"^\d+\.\d{3}$", text);
                }
            }
            Assert.Contains(rows.SelectMany(r => r.QuerySelectorAll("td[data-kind=percent]")), c => Percent().IsMatch(c.TextContent.Trim()));
        }

        var css = await finance.Client.GetStringAsync("/css/site.css");
        Assert.Contains(".compare-table .name { min-width: 9em; }", css);
    }
}
