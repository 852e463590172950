using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

public static class DemandHelpers
{
    public const string LiuLian = "440310001001";   // 六联社区, 坪山街道
    public const string LiuHe = "440310001002";     // 六和社区, 坪山街道

    public static string Marker() => "T" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Posts a multipart form (with the page's antiforgery token) like a browser with a file input.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this Browser browser, string pageUrl, Dictionary<string, string> fields,
        (string Field, string FileName, byte[] Bytes)? file = null, string? postUrl = null)
    {
        var (_, doc) = await browser.GetAsync(pageUrl);
        var token = doc.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("no antiforgery token on " + pageUrl);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        if (file is { } f) content.Add(new ByteArrayContent(f.Bytes), f.Field, f.FileName);
        return await browser.Client.PostAsync(postUrl ?? pageUrl, content);
    }

    public static async Task<List<Demand>> DemandsContainingAsync(WeishiAppFactory factory, string marker)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        return await db.Demands.IgnoreQueryFilters().AsNoTracking().Where(d => d.Text.Contains(marker)).ToListAsync();
    }

    public static async Task<Demand?> DemandByCaseAsync(WeishiAppFactory factory, string caseNumber)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        return await db.Demands.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => d.ExternalCaseNumber == caseNumber);
    }

    /// <summary>Uploads a file on the import page and waits for the background job to finish.</summary>
    public static async Task<Job> ImportAsync(WeishiAppFactory factory, Browser browser, byte[] file, string fileName, string channel = "Hotline")
    {
        var response = await browser.PostMultipartAsync("/Demands/Import", new() { ["Channel"] = channel }, ("Upload", fileName, file));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/Jobs/Detail/", location);
        var id = int.Parse(location["/Jobs/Detail/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        return await WaitForJobAsync(factory, id);
    }

    public static async Task<Job> WaitForJobAsync(WeishiAppFactory factory, int id)
    {
        for (var i = 0; i < 600; i++)
        {
            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
                var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
                if (job.Finished) return job;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"job {id} did not finish");
    }

    public static string Text(this HttpResponseMessage response) => response.Content.ReadAsStringAsync().GetAwaiter().GetResult();

    public static readonly HtmlParser Parser = new();

    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
}
