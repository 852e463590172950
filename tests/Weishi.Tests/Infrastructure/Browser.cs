using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Weishi.Tests.Infrastructure;

/// <summary>An HTTP client that behaves like a user's browser: keeps cookies, reads pages, posts forms with their antiforgery token.</summary>
public sealed class Browser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();
    public HttpClient Client { get; } = client;

    public static Browser For(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<Browser> LoginAsync(WebApplicationFactory<Program> factory, string user, string password = Weishi.Web.Features.Demo.DemoAccounts.Password)
    {
        var browser = For(factory);
        var response = await browser.SubmitAsync("/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {user} failed: {response.StatusCode}");
        return browser;
    }

    public async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Parser.ParseDocument(html));
    }

    /// <summary>Loads the page, takes the antiforgery token of its first form (or the form matching the selector) and posts the fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, Dictionary<string, string> fields, string? postUrl = null, string formSelector = "form[method=post]")
    {
        var (_, doc) = await GetAsync(pageUrl);
        var token = doc.QuerySelector(formSelector)?.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no antiforgery token on {pageUrl}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await Client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());
}
