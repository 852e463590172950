using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Surveys;

/// <summary>A survey nobody has answered yet shows no averages: a 0.00 would read as the worst possible score.</summary>
[Collection(DemoCollection.Name)]
public class SurveyWithoutAnswersTests(DemoApp app)
{
    [Fact]
    public async Task An_open_survey_without_answers_shows_dashes_not_zero_scores()
    {
        var other = await SurveyTestData.OtherContractorAsync(app.Factory);
        var id = await SurveyTestData.SurveyedAsync(app.Factory, 2177, [], contractorId: other);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, page) = await staff.GetAsync($"/Surveys/Project/{id}");
        Assert.Equal("0", page.QuerySelector("[data-testid=count]")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=mean]")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=dissatisfied]")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=awareness]")!.TextContent.Trim());
        Assert.All(page.QuerySelectorAll("[data-testid=item-mean]"), td => Assert.Equal("—", td.TextContent.Trim()));

        // With answers the figures are back.
        var answered = await SurveyTestData.SurveyedAsync(app.Factory, 2177, SurveyTestData.Healthy(10), contractorId: other);
        var (_, withAnswers) = await staff.GetAsync($"/Surveys/Project/{answered}");
        Assert.StartsWith("4.60（95% 置信区间", withAnswers.QuerySelector("[data-testid=mean]")!.TextContent.Trim());
    }
}
