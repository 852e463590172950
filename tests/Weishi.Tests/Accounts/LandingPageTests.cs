using System.Net;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Accounts;

/// <summary>"/" is a landing page for anonymous visitors (居民入口 and 工作人员登录); signed-in users go to their home page.</summary>
[Collection(DemoCollection.Name)]
public class LandingPageTests(DemoApp app)
{
    [Fact]
    public async Task An_anonymous_visitor_at_the_root_gets_the_landing_page_with_the_residents_entry_and_the_staff_login()
    {
        var (status, page) = await Browser.For(app.Factory).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("民生微实事", page.QuerySelector("[data-testid=landing] h1")!.TextContent);
        var resident = page.QuerySelector("[data-testid=resident-entry]")!;
        Assert.Contains("居民入口", resident.TextContent);
        Assert.Equal("/Portal", resident.QuerySelector("[data-testid=portal]")!.GetAttribute("href"));
        Assert.Equal("/Portal/Submit", resident.QuerySelector("[data-testid=needs]")!.GetAttribute("href"));
        Assert.Equal("/Public/Projects", resident.QuerySelector("[data-testid=projects]")!.GetAttribute("href"));
        Assert.NotNull(resident.QuerySelector("[data-testid=votes]"));
        Assert.NotNull(resident.QuerySelector("[data-testid=surveys]"));
        Assert.Equal("/Account/Login", page.QuerySelector("[data-testid=staff-entry] [data-testid=staff-login]")!.GetAttribute("href"));

        // Every link of the landing page opens for an anonymous visitor.
        foreach (var href in page.QuerySelectorAll("[data-testid=landing] a").Select(a => a.GetAttribute("href")!).Distinct())
            Assert.Equal(HttpStatusCode.OK, (await Browser.For(app.Factory).GetAsync(href)).Status);
    }

    [Fact]
    public async Task A_signed_in_user_at_the_root_is_sent_to_their_home_page()
    {
        var worker = await Browser.LoginAsync(app.Factory, "cs-ll");
        var response = await worker.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Home/Workbench", response.Headers.Location?.OriginalString);
    }
}
