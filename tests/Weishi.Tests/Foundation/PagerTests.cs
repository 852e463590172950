using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Infrastructure.Audit;
using Xunit;

namespace Weishi.Tests.Foundation;

/// <summary>
/// The shared pager's "page" is also the route value naming the Razor page; a list must read it from the query
/// (<c>[FromQuery(Name = "page")]</c>) or every page link shows page 1 again.
/// </summary>
[Collection(DemoCollection.Name)]
public class PagerTests(DemoApp app)
{
    [Theory]
    [InlineData("cs-ll", "/Projects")]
    [InlineData("district", "/Demands")]
    [InlineData(null, "/Public/Projects")]
    public async Task The_next_page_link_shows_page_two(string? user, string url) => await NextPageAsync(user, url);

    [Fact]
    public async Task The_audit_log_shows_its_second_page()
    {
        var entityId = $"pager-{Guid.NewGuid():N}";
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = Fixtures.Db(scope);
            for (var i = 0; i < 51; i++)
                db.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow, UserName = "pager-test", Entity = "Project", EntityId = entityId, Action = "Modified" });
            await db.SaveChangesAsync();
        }
        await NextPageAsync("auditor", $"/Audit?EntityId={entityId}");
    }

    private async Task NextPageAsync(string? user, string url)
    {
        var browser = user is null ? Browser.For(app.Factory) : await Browser.LoginAsync(app.Factory, user);
        var (_, first) = await browser.GetAsync(url);
        var next = first.QuerySelectorAll("nav[aria-label=分页] a").SingleOrDefault(a => a.TextContent == "下一页")?.GetAttribute("href");
        Assert.True(next is not null, $"{url} has a second page in the demo data");
        var (status, second) = await browser.GetAsync(url.Split('?')[0] + next);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("第 2 /", second.QuerySelector("nav[aria-label=分页]")!.TextContent);
        Assert.NotNull(second.QuerySelectorAll("nav[aria-label=分页] a").SingleOrDefault(a => a.TextContent == "上一页"));
    }
}
