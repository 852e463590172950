using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Surveys;

/// <summary>The survey pages write ratios as every other page does (<c>Display.Percent</c>: "33.3%"), not .NET's "33.3 %".</summary>
[Collection(DemoCollection.Name)]
public class SurveyPercentFormatTests(DemoApp app)
{
    [Fact]
    public async Task Survey_overview_and_project_pages_show_percentages_in_the_shared_format()
    {
        // 12 answers from 40 beneficiaries, 4 of them knew the project before (every third), none dissatisfied.
        var project = await SurveyTestData.SurveyedAsync(app.Factory, 2086, SurveyTestData.Healthy(12), plannedBeneficiaries: 40);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);

        var (_, page) = await staff.GetAsync($"/Surveys/Project/{project}");
        Assert.Equal("33.3%", page.QuerySelector("[data-testid=awareness]")!.TextContent.Trim());
        Assert.Equal("0.0%", page.QuerySelector("[data-testid=dissatisfied]")!.TextContent.Trim());
        Assert.StartsWith("30.0%（", page.QuerySelector("[data-testid=response-rate]")!.TextContent.Trim(), StringComparison.Ordinal);

        (_, page) = await staff.GetAsync("/Surveys?Year=2086");
        Assert.Equal("33.3%", page.QuerySelector("[data-testid=awareness]")!.TextContent.Trim());
        var total = page.QuerySelector("[data-testid=total]")!.TextContent;
        Assert.Contains("不满意比例 0.0%", total, StringComparison.Ordinal);
        Assert.DoesNotContain(" %", total, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("[data-testid=group] td"), td => Assert.DoesNotContain(" %", td.TextContent, StringComparison.Ordinal));
    }
}
