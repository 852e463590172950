using Microsoft.Playwright;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class StatisticsJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task District_admin_logs_in_and_sees_579_projects_for_2021()
    {
        var page = await App.LoginAsync("district");
        Assert.EndsWith("/Statistics", page.Url);
        Assert.Equal("579", (await page.GetByTestId("projects-2021").TextContentAsync())?.Trim());
        Assert.Equal("4,368.20", (await page.GetByTestId("spent-2021").TextContentAsync())?.Trim());
        Assert.Equal("520", (await page.GetByTestId("projects-2022").TextContentAsync())?.Trim());
        // The chart was drawn by ECharts (a canvas inside the chart element).
        await page.Locator("[data-chart=years] canvas").WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("导出 Excel").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Chinese_message()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("district");
        await page.GetByLabel("密码").FillAsync("wrong-password1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Contains("用户名或密码不正确", await page.GetByTestId("login-error").TextContentAsync());
    }
}
