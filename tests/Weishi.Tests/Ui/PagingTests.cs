using System.Net;
using System.Text.RegularExpressions;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Ui;

/// <summary>A page number past the last shows the last page of the list, with its rows, instead of an empty list "第 99 / 7 页".</summary>
[Collection(DemoCollection.Name)]
public partial class PagingTests(DemoApp app)
{
    [GeneratedRegex(@"第 (\d+) / (\d+) 页")]
    private static partial Regex PageOf();

    [Theory]
    [InlineData("anon", "/Public/Projects?page=2147483647", "[data-testid=public-projects] tbody tr")]
    [InlineData("district", "/Projects?page=99999", "table tbody tr")]
    public async Task A_page_past_the_last_shows_the_last_page(string user, string url, string rows)
    {
        var browser = user == "anon" ? Browser.For(app.Factory) : await Browser.LoginAsync(app.Factory, user);
        var (status, page) = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var label = PageOf().Match(page.QuerySelector("nav[aria-label=分页]")!.TextContent);
        Assert.True(label.Success);
        Assert.Equal(label.Groups[2].Value, label.Groups[1].Value);
        Assert.NotEmpty(page.QuerySelectorAll(rows));
        Assert.Null(page.QuerySelector("nav[aria-label=分页] a[href*='page=2147483647'], nav[aria-label=分页] a[href*='page=100000']"));
    }
}
