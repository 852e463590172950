using System.Net;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Contractors;

[Collection(DemoCollection.Name)]
public class ContractorPageTests(DemoApp app)
{
    [Theory]
    [InlineData("district", "/Contractors", "承接单位")]
    [InlineData("district", "/Contractors/Compare?category=Children", "同类承接单位比较")]
    [InlineData("district", "/Contractors/Admission", "准入申请")]
    [InlineData("district", "/Contractors/Admission/Pool?category=Assistance", "准入名录")]
    [InlineData("district", "/Contractors/Admission/Rules", "准入规则")]
    [InlineData("district", "/Contractors/Changes", "资料变更确认")]
    [InlineData("district", "/Contractors/Assessment/Weights", "考核权重")]
    [InlineData("district", "/Contractors/SpotChecks", "抽查考核")]
    [InlineData("finance", "/Contractors", "承接单位")]
    [InlineData("cs-ll", "/Contractors/Admission/Pool", "准入名录")]
    [InlineData("contractor", "/Contractors/Profile", "本单位资料")]
    [InlineData("contractor", "/Contractors/Admission/Apply", "申请准入")]
    [InlineData("contractor", "/Contractors/Admission", "准入申请")]
    public async Task Pages_open_for_their_users(string user, string url, string title)
    {
        var browser = await Browser.LoginAsync(app.Factory, user);
        var (status, page) = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, page.Title);
    }

    [Fact]
    public async Task The_demo_contractor_account_sees_its_own_profile_with_history()
    {
        var browser = await Browser.LoginAsync(app.Factory, "contractor");
        var (_, list) = await browser.GetAsync("/Contractors");
        var link = list.QuerySelector("[data-testid=contractor-table] tbody tr a")!.GetAttribute("href")!;
        var (status, detail) = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(detail.QuerySelectorAll("[data-testid=year-scores] tbody tr").Length >= 3);
        Assert.NotEmpty(detail.QuerySelectorAll("[data-testid=projects] tbody tr"));
    }
}
