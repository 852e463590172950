using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Evaluation;
using Xunit;

namespace Weishi.Tests.Evaluation;

/// <summary>The detail page, the printable report and the Word report show every score with two decimals (2.00 beside 85.35).</summary>
[Collection(DemoCollection.Name)]
public partial class ScoreFormatTests(DemoApp app)
{
    [GeneratedRegex(@"^\d+\.\d{2}$")] private static partial Regex TwoDecimals();

    private async Task<(Browser Finance, int Id)> ScoredEvaluationAsync()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var treeId = await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme)
            .OrderBy(t => t.Version).Select(t => t.Id).FirstAsync());
        var created = await finance.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = "得分格式检查", ["Input.TreeId"] = $"{treeId}",
            ["Input.FromYear"] = "2021", ["Input.ToYear"] = "2023", ["Input.ScopeKind"] = "District",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        // A whole-number expert score: the case that showed as "2" beside data scores like "85.35".
        var scored = await finance.SubmitAsync($"/Evaluation/Detail/{id}",
            new() { ["code"] = "A1-1", ["score"] = "2", ["reason"] = "立项依据基本充分" }, $"/Evaluation/Detail/{id}?handler=Score");
        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);
        return (finance, id);
    }

    private static void AssertScore(string text) =>
        Assert.True(text == "未评分" || TwoDecimals().IsMatch(text), $"“{text}” is not a score with two decimals");

    [Fact]
    public async Task The_detail_and_printable_pages_show_every_score_with_two_decimals()
    {
        var (finance, id) = await ScoredEvaluationAsync();

        var (_, detail) = await finance.GetAsync($"/Evaluation/Detail/{id}");
        Assert.Matches(TwoDecimals(), detail.QuerySelector("[data-testid=total]")!.TextContent.Trim());
        var tops = detail.QuerySelectorAll("[data-testid^=top-]").ToList();
        Assert.NotEmpty(tops);
        foreach (var top in tops) Assert.Matches(TwoDecimals(), top.TextContent.Trim());
        var cells = detail.QuerySelectorAll("[data-testid=indicators] td[data-testid$=-value]").ToList();
        Assert.NotEmpty(cells);
        foreach (var cell in cells) AssertScore(cell.TextContent.Trim());
        Assert.Equal("2.00", detail.QuerySelector("[data-testid=score-A1-1-value]")!.TextContent.Trim());

        var (_, print) = await finance.GetAsync($"/Evaluation/Print/{id}");
        var rows = print.QuerySelectorAll("[data-testid=indicators] tbody tr").ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows) AssertScore(row.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.Equal("2.00", rows.Single(r => r.QuerySelector("td")!.TextContent.Trim() == "A1-1").QuerySelectorAll("td").Last().TextContent.Trim());
    }

    [Fact]
    public async Task The_word_report_writes_every_score_with_two_decimals()
    {
        var (_, id) = await ScoredEvaluationAsync();
        using var scope = app.Factory.Services.CreateScope();
        var scorer = scope.ServiceProvider.GetRequiredService<EvaluationScorer>();
        var builder = scope.ServiceProvider.GetRequiredService<EvaluationReportBuilder>();
        var report = await builder.BuildAsync((await scorer.LoadAsync(id, default))!, null, default);
        using var stream = new MemoryStream();
        DocxReportWriter.Write(report, stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        static List<string> Cells(TableRow row) => row.Elements<TableCell>().Select(c => c.InnerText.Trim()).ToList();

        var summary = tables.Single(t => t.InnerText.Contains("得分率"));
        foreach (var row in summary.Elements<TableRow>().Skip(1)) Assert.Matches(TwoDecimals(), Cells(row)[2]);
        Assert.Equal(Scoring.Show(report.Sheet.Total), Cells(summary.Elements<TableRow>().Last())[2]);

        var indicators = tables.Single(t => t.InnerText.Contains("计分方法与规则"));
        foreach (var row in indicators.Elements<TableRow>().Skip(1)) AssertScore(Cells(row).Last());
        Assert.Equal("2.00", Cells(indicators.Elements<TableRow>().Single(r => Cells(r)[0] == "A1-1")).Last());
    }
}
