using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Tests.Residents;

/// <summary>Residents' phone-code sign-in as a browser does it, with the code read from the SMS outbox.</summary>
public static partial class ResidentHelpers
{
    private static int _phone;
    private static readonly int PhoneBase = Random.Shared.Next(0, 50_000_000);

    public static string NewPhone() =>
        "136" + (PhoneBase + Interlocked.Increment(ref _phone)).ToString(CultureInfo.InvariantCulture).PadLeft(8, '0');

    public static async Task<string> HashAsync(WeishiAppFactory factory, string phone)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalData>().HashAsync(phone);
    }

    public static Task<HttpResponseMessage> AskCodeAsync(Browser browser, string phone) =>
        browser.SubmitAsync("/Account/Phone", new() { ["Phone"] = phone }, postUrl: "/Account/Phone?handler=Code");

    /// <summary>Asks for a code and reads it from the newest outbox message to that phone.</summary>
    public static async Task<string> RequestCodeAsync(WeishiAppFactory factory, Browser browser, string phone)
    {
        var response = await AskCodeAsync(browser, phone);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", Error(await browser.ReadAsync(response)));
        var hash = await HashAsync(factory, phone);
        using var scope = factory.Services.CreateScope();
        var text = await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().SmsOutbox
            .Where(m => m.PhoneHash == hash).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync();
        return SixDigits().Match(text).Value;
    }

    public static Task<HttpResponseMessage> EnterCodeAsync(Browser browser, string phone, string code) =>
        browser.SubmitAsync("/Account/Phone", new() { ["Phone"] = phone, ["Code"] = code });

    /// <summary>A new browser signed in with the phone (the account is created on the first sign-in).</summary>
    public static async Task<Browser> SignInAsync(WeishiAppFactory factory, string phone)
    {
        var browser = Browser.For(factory);
        var code = await RequestCodeAsync(factory, browser, phone);
        var response = await EnterCodeAsync(browser, phone, code);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Home/Resident", response.Headers.Location!.ToString());
        return browser;
    }

    public static string Error(IHtmlDocument doc) => doc.QuerySelector("[data-testid=error]")?.TextContent.Trim() ?? "";

    /// <summary>Any other six digits: a code that is certainly wrong.</summary>
    public static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
