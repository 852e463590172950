using Microsoft.Playwright;

namespace Weishi.BrowserTests;

/// <summary>A contractor works from a 375 px phone: its project list and its comparison with peers fit the screen.</summary>
[Collection(LiveAppCollection.Name)]
public class ContractorPhoneJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task A_contractor_reads_its_projects_and_its_standing_among_peers_on_a_375px_phone()
    {
        var page = await App.NewPageAsync(new ViewportSize { Width = 375, Height = 812 }, phone: true);
        await LiveApp.SignInAsync(page, "contractor");
        async Task FitsTheScreenAsync(string what) =>
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                $"{what} is {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")}px wide");

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("contractor-projects")).ToBeVisibleAsync();
        await FitsTheScreenAsync("the project list");
        // The status stays on one line instead of a column of single characters.
        var status = page.GetByTestId("contractor-projects").Locator("tbody tr td:nth-child(5)").First;
        var lines = await status.EvaluateAsync<int>("td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; }");
        Assert.Equal(1, lines);

        await page.GotoAsync("/Contractors/Compare");
        await Assertions.Expect(page.GetByTestId("peer-table")).ToBeVisibleAsync();
        await FitsTheScreenAsync("the comparison with peers");
    }
}
