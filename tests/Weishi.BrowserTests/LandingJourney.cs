namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class LandingJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task An_anonymous_visitor_on_a_phone_finds_the_residents_entry_and_the_staff_login_at_the_root()
    {
        var page = await App.NewPageAsync(phone: true);
        await page.GotoAsync("/");
        Assert.Contains("居民入口", await page.GetByTestId("resident-entry").TextContentAsync());
        // The page fits the phone's width: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await page.GetByTestId("staff-login").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/");
        await page.GetByTestId("portal").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/Portal", StringComparison.Ordinal));
        Assert.True(await page.GetByTestId("raise-need").IsVisibleAsync());
    }
}
