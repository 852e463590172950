using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors.Assessment;

namespace Weishi.Tests.Surveys;

/// <summary>
/// A survey nobody has answered yet has no averages (暂无答卷): a 0.00 would read as the worst possible score, and an
/// average over several projects must not take the unanswered one in as a 0.
/// </summary>
[Collection(DemoCollection.Name)]
public class SurveyWithoutAnswersTests(DemoApp app)
{
    private const string NoAnswers = "暂无答卷";

    [Fact]
    public async Task An_open_survey_without_answers_shows_no_answers_instead_of_figures_on_its_page_and_in_its_workbook()
    {
        var other = await SurveyTestData.OtherContractorAsync(app.Factory);
        var id = await SurveyTestData.SurveyedAsync(app.Factory, 2177, [], contractorId: other);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, page) = await staff.GetAsync($"/Surveys/Project/{id}");
        Assert.Equal("0", page.QuerySelector("[data-testid=count]")!.TextContent.Trim());
        foreach (var figure in new[] { "mean", "met-need", "dissatisfied", "join-again", "awareness" })
            Assert.Equal(NoAnswers, page.QuerySelector($"[data-testid={figure}]")!.TextContent.Trim());
        Assert.All(page.QuerySelectorAll("[data-testid=item-mean]"), td => Assert.Equal(NoAnswers, td.TextContent.Trim()));
        // No chart of an empty distribution.
        Assert.Null(page.QuerySelector("[data-testid=distribution]"));
        Assert.NotNull(page.QuerySelector("[data-testid=no-distribution]"));

        using (var book = await Workbook.DownloadAsync(staff, $"/Surveys/Project/{id}?handler=Export"))
        {
            var summary = book.Rows("汇总");
            var headers = summary[0].Select(c => c.Text).ToList();
            foreach (var column in new[] { "总体满意度均值", "95%置信下限", "愿意再次参加", "知晓率" })
                Assert.Equal(NoAnswers, summary[1][headers.IndexOf(column)].Text);
            Assert.All(book.Column("各题分布", "均值").Values, cell => Assert.Equal(NoAnswers, cell.Text));
        }

        // With answers the figures are back.
        var answered = await SurveyTestData.SurveyedAsync(app.Factory, 2177, SurveyTestData.Healthy(10), contractorId: other);
        var (_, withAnswers) = await staff.GetAsync($"/Surveys/Project/{answered}");
        Assert.StartsWith("4.60（95% 置信区间", withAnswers.QuerySelector("[data-testid=mean]")!.TextContent.Trim());
        Assert.NotNull(withAnswers.QuerySelector("[data-testid=distribution]"));
    }

    [Fact]
    public async Task The_overview_lists_an_unanswered_project_without_counting_it_in_any_average()
    {
        // Healthy(10): mean 4.60, none dissatisfied, 4 of 10 knew the programme before.
        var other = await SurveyTestData.OtherContractorAsync(app.Factory);
        var answered = await SurveyTestData.SurveyedAsync(app.Factory, 2181, SurveyTestData.Healthy(10), contractorId: other);
        var unanswered = await SurveyTestData.SurveyedAsync(app.Factory, 2181, [], contractorId: other);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);

        var (_, byProject) = await staff.GetAsync("/Surveys?Year=2181&By=project");
        Assert.Equal(NoAnswers, Row(byProject, $"/Surveys/Project/{unanswered}").QuerySelector("[data-testid=group-mean]")!.TextContent);
        Assert.Equal("4.60", Row(byProject, $"/Surveys/Project/{answered}").QuerySelector("[data-testid=group-mean]")!.TextContent);
        var total = byProject.QuerySelector("[data-testid=total]")!.TextContent;
        Assert.Contains("共 2 个项目、10 份答卷；总体满意度均值 4.60，不满意比例 0.0%，知晓率 40.0%", total);

        foreach (var by in new[] { "community", "contractor", "year" })
        {
            var (_, grouped) = await staff.GetAsync($"/Surveys?Year=2181&By={by}");
            var row = Assert.Single(grouped.QuerySelectorAll("[data-testid=group]"));
            Assert.Equal(["2", "10", "4.60", "0.0%", "40.0%"], row.Children.Skip(1).Take(5).Select(td => td.TextContent));
        }
        using var book = await Workbook.DownloadAsync(staff, "/Surveys?handler=Export&By=community&Year=2181");
        Assert.Equal(4.60m, Assert.Single(book.Column("按社区", "总体满意度均值").Values).Number);
    }

    [Fact]
    public async Task A_year_whose_surveys_nobody_answered_shows_no_answers_not_zero_averages()
    {
        var other = await SurveyTestData.OtherContractorAsync(app.Factory);
        await SurveyTestData.SurveyedAsync(app.Factory, 2182, [], contractorId: other);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, page) = await staff.GetAsync("/Surveys?Year=2182");
        var total = page.QuerySelector("[data-testid=total]")!.TextContent;
        Assert.Contains($"共 1 个项目、0 份答卷；总体满意度均值 {NoAnswers}，不满意比例 {NoAnswers}，知晓率 {NoAnswers}", total);
        Assert.DoesNotContain("0.00", total);
        Assert.Equal(NoAnswers, Assert.Single(page.QuerySelectorAll("[data-testid=group-mean]")).TextContent);

        // The contractor comparison of that year: the contractor's satisfaction is not there yet, not a dash or a 0.
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, compare) = await district.GetAsync("/Contractors/Compare?category=Elderly&year=2182");
        var row = compare.QuerySelectorAll("[data-testid=compare-table] tbody tr")
            .Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/Contractors/Detail/{other}");
        Assert.Equal(NoAnswers, row.QuerySelector("[data-testid=satisfaction]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_unanswered_project_is_left_out_of_the_contractor_assessments_survey_input()
    {
        var other = await SurveyTestData.OtherContractorAsync(app.Factory);
        var answered = await SurveyTestData.SurveyedAsync(app.Factory, 2183, SurveyTestData.Healthy(10), contractorId: other);
        var unanswered = await SurveyTestData.SurveyedAsync(app.Factory, 2183, [], contractorId: other);
        using var scope = app.Factory.Services.CreateScope();
        var scores = (await scope.ServiceProvider.GetRequiredService<ContractorAssessment>().ProjectScoresAsync(other))
            .ToDictionary(s => s.Project.ProjectId);
        // (4.60 − 1) ÷ 4 × 100 = 90 for the answered one; the other has nothing to say, rather than a 0.
        Assert.Equal(90, scores[answered].Inputs["survey"], 6);
        Assert.DoesNotContain("survey", scores[unanswered].Inputs.Keys);
    }

    private static AngleSharp.Dom.IElement Row(AngleSharp.Dom.IDocument page, string href) =>
        page.QuerySelectorAll("[data-testid=group]").Single(r => r.QuerySelector("a")?.GetAttribute("href") == href);
}
