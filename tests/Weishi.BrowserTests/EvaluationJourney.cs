namespace Weishi.BrowserTests;

/// <summary>Issue 8: the finance bureau creates a district evaluation, scores an expert leaf and downloads the report.</summary>
[Collection(LiveAppCollection.Name)]
public class EvaluationJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task Finance_creates_an_evaluation_scores_an_expert_leaf_sees_the_total_change_and_downloads_the_report()
    {
        var page = await App.LoginAsync("finance");
        await page.GotoAsync("/Evaluation");
        await page.GetByTestId("new-evaluation").ClickAsync();
        await page.GetByLabel("评价名称").FillAsync("坪山区 2021—2023 年度民生微实事项目（浏览器）");
        await page.GetByTestId("create").ClickAsync();

        var total = decimal.Parse((await page.GetByTestId("total").TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var grade = (await page.GetByTestId("grade").TextContentAsync())!.Trim();
        Assert.Equal(Weishi.Web.Features.Evaluation.Grade.Of(total), grade);

        var form = page.GetByTestId("score-D1-2");
        await form.GetByLabel("得分").FillAsync("5.5");
        await form.GetByLabel("评分理由").FillAsync("实地走访 12 个社区，居民反映良好");
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var expected = Weishi.Web.Features.Evaluation.Scoring.Show(total + 5.5m);
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync(expected);
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("grade")).ToHaveTextAsync(Weishi.Web.Features.Evaluation.Grade.Of(total + 5.5m));
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("score-D1-2-value")).ToHaveTextAsync("5.50");

        await page.GetByTestId("generate-report").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("job-result")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("job-result").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path!, false);
        Assert.Contains("项目 579 个", doc.MainDocumentPart!.Document.Body!.InnerText);
    }
}
