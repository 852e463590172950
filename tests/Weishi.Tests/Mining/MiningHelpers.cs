using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Mining;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Mining;

/// <summary>Crafted needs in far-future years (each test its own year) so the demo's needs never enter a run.</summary>
public static class MiningHelpers
{
    public static async Task<List<int>> AddDemandsAsync(WeishiAppFactory factory, string communityCode, int year, params string[] texts)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var regionId = await db.Regions.Where(r => r.Code == communityCode).Select(r => r.Id).SingleAsync();
        var demands = texts.Select((t, i) => new Demand
        {
            Text = t, Channel = DemandChannel.Visit, RegionId = regionId, Status = DemandStatus.Pending,
            SubmittedAtUtc = new DateTime(year, 1 + (i % 3), 10 + (i % 10), 8, 0, 0, DateTimeKind.Utc),
            TrackingCode = DemandRules.NewTrackingCode(),
        }).ToList();
        db.Demands.AddRange(demands);
        await db.SaveChangesAsync();
        return [.. demands.Select(d => d.Id)];
    }

    /// <summary>Starts a mining run on the page as the given user and waits for the job; returns the stored run.</summary>
    public static async Task<MiningRun> RunAsync(WeishiAppFactory factory, Browser browser, string communityCode, int year)
    {
        var regionId = await TestData.RegionIdAsync(factory, communityCode);
        var response = await browser.SubmitAsync("/Mining", new()
        {
            ["RegionId"] = regionId.ToString(CultureInfo.InvariantCulture),
            ["From"] = $"{year}-01-01",
            ["To"] = $"{year}-12-31",
        }, "/Mining?handler=Run");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/Jobs/Detail/", location);
        var jobId = int.Parse(location["/Jobs/Detail/".Length..], CultureInfo.InvariantCulture);
        var job = await DemandHelpers.WaitForJobAsync(factory, jobId);
        Assert.True(job.Status == JobStatus.Succeeded, job.Message);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        return await db.MiningRuns.AsNoTracking().Include(r => r.Topics).Include(r => r.Items).SingleAsync(r => r.JobId == jobId);
    }

    /// <summary>A complete proposal form (draft) for the given year and region, plus the fields the page gave (hidden ones included).</summary>
    public static Dictionary<string, string> ProposalFields(AngleSharp.Html.Dom.IHtmlDocument form, int year, int regionId, string name)
    {
        var fields = form.QuerySelectorAll("form[method=post] input[type=hidden]")
            .Where(i => i.GetAttribute("name") is { } n && n.StartsWith("Input.", StringComparison.Ordinal) && !string.IsNullOrEmpty(i.GetAttribute("value")))
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Input.Year"] = year.ToString(CultureInfo.InvariantCulture), ["Input.RegionId"] = regionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = name, ["Input.Type"] = "Service", ["Input.Category"] = "Children",
            ["Input.Content"] = form.QuerySelector("#content")!.TextContent is { Length: > 0 } c ? c : name,
            ["Input.TargetGroup"] = "社区居民", ["Input.Place"] = "社区党群服务中心", ["Input.Schedule"] = "全年",
            ["Input.PlannedBeneficiaries"] = "40", ["Input.PlannedSessions"] = "100",
            ["Input.Lines[0].Item"] = "服务费", ["Input.Lines[0].Unit"] = "课时", ["Input.Lines[0].Quantity"] = "100", ["Input.Lines[0].UnitPrice"] = "150",
            ["Input.Targets[0].Dimension"] = "Quantity", ["Input.Targets[0].Indicator"] = "服务人次", ["Input.Targets[0].Value"] = "2000", ["Input.Targets[0].Unit"] = "人次",
            ["submitAs"] = "draft",
        }) fields[key] = value;
        return fields;
    }

    public static async Task<T> QueryAsync<T>(WeishiAppFactory factory, Func<WeishiDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<WeishiDbContext>());
    }

    public static Task<Demand> DemandAsync(WeishiAppFactory factory, int id) =>
        QueryAsync(factory, db => db.Demands.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.Id == id));
}
