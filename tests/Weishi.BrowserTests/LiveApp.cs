using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Tests.Infrastructure;

namespace Weishi.BrowserTests;

/// <summary>
/// The application on a real Kestrel server bound to 127.0.0.1 (demo data loaded) and Debian's Chromium driven by
/// Playwright. Never downloads a browser: the executable is /usr/bin/chromium.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    private TestDatabase? _database;
    private IPlaywright? _playwright;
    public WeishiAppFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Factory = new WeishiAppFactory(_database);
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };

    /// <summary>A fresh browser context (own cookies); phone-sized when asked.</summary>
    public Task<IPage> NewPageAsync(bool phone = false) => NewPageAsync(phone ? Phone : Desktop, phone);

    /// <summary>A fresh browser context of the given screen size; a phone's has touch.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize viewport, bool phone)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = viewport, IsMobile = phone, HasTouch = phone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Closes every open browser context (see <see cref="Journey"/>).</summary>
    public async Task CloseContextsAsync()
    {
        foreach (var context in Browser.Contexts.ToList()) await context.CloseAsync();
    }

    public async Task<IPage> LoginAsync(string user, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        await SignInAsync(page, user);
        return page;
    }

    /// <summary>Signs <paramref name="user"/> in on the login page of <paramref name="page"/>; done once the address bar
    /// has left the login page, whether or not the landing page has finished loading.</summary>
    public static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(Weishi.Web.Features.Demo.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Expect(page) polls the address. Not page.WaitForURLAsync(..., WaitUntil = Commit): once the address has
        // changed (it has by the time the click returns) that waits for the landing page's load event whatever
        // WaitUntil says (Playwright .NET maps Commit to Load there), and on a loaded machine that load has taken more
        // than its 30 s although the sign-in had succeeded.
        try
        {
            await Assertions.Expect(page).Not.ToHaveURLAsync(LoginPage, new() { Timeout = NavigationTimeout });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Signing in as {user} did not leave the login page. {await DescribeAsync(page)}", e);
        }
    }

    private static readonly Regex LoginPage = new("/Account/Login", RegexOptions.IgnoreCase);

    /// <summary>Playwright's default wait for a navigation.</summary>
    private const float NavigationTimeout = 30_000;

    /// <summary>Where the page is and what it shows, for a failure message.</summary>
    public static async Task<string> DescribeAsync(IPage page)
    {
        string text;
        try
        {
            text = Regex.Replace(await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 }), @"\s+", " ").Trim();
            if (text.Length > 1_000) text = text[..1_000] + "…";
        }
        catch (PlaywrightException e)
        {
            text = "(could not read it: " + e.Message.Split('\n')[0] + ")";
        }
        return $"Page {page.Url} shows: {text}";
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "live";
}
