using Microsoft.Playwright;

namespace Weishi.BrowserTests;

/// <summary>
/// The journeys' sign-in is done once the browser has left the login page; the landing page's own load is not part of
/// it. (Waiting for that load once failed ContractorAdmissionJourney on a loaded machine: 30 s passed although the
/// contractor was signed in and on its landing page.)
/// </summary>
[Collection(LiveAppCollection.Name)]
public class SignInWaitJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task Signing_in_returns_on_the_landing_page_while_that_page_is_still_loading()
    {
        var page = await App.NewPageAsync();
        // The landing page's scripts are held back until the sign-in has returned, so its load cannot come first.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/*.js", async route =>
        {
            if (route.Request.Headers.TryGetValue("referer", out var from) && from.Contains("/Home/Contractor", StringComparison.Ordinal))
                await release.Task;
            try { await route.ContinueAsync(); }
            catch (PlaywrightException) { } // the page was closed meanwhile
        });
        try
        {
            await LiveApp.SignInAsync(page, "contractor");
            Assert.EndsWith("/Home/Contractor", page.Url);
            await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync("承接单位 联络员");
            Assert.NotEqual("complete", await page.EvaluateAsync<string>("document.readyState"));
        }
        finally
        {
            release.TrySetResult();
            await page.Context.CloseAsync();
        }
    }
}
