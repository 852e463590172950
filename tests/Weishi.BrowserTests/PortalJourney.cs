using Microsoft.Playwright;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class PortalJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task A_resident_raises_a_need_on_a_phone_and_sees_the_tracking_page()
    {
        var page = await App.NewPageAsync(phone: true);
        await page.GotoAsync("/Portal");
        await page.GetByTestId("raise-need").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Portal/Submit", StringComparison.Ordinal));

        var text = "小区门口的路灯坏了很久，晚上老人出行不安全 " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("您希望解决什么事？").FillAsync(text);
        await page.GetByLabel("所在社区").SelectOptionAsync(new SelectOptionValue { Label = "六联社区" });
        await page.GetByLabel("联系电话（选填）").FillAsync("13812345678");
        // The form fits the phone's width: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/Portal/Track", StringComparison.Ordinal));
        var code = (await page.GetByTestId("tracking-code").TextContentAsync())!.Trim();
        Assert.Equal(10, code.Length);
        Assert.Equal("待处理", (await page.GetByTestId("demand-status").TextContentAsync())!.Trim());
        Assert.Equal(text, (await page.GetByTestId("demand-text").TextContentAsync())!.Trim());

        // Later, from the portal's home page, the code finds the same need.
        await page.GotoAsync("/Portal");
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("code=" + code, StringComparison.Ordinal));
        Assert.Equal(text, (await page.GetByTestId("demand-text").TextContentAsync())!.Trim());
    }
}
