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

    public static async Task<T> QueryAsync<T>(WeishiAppFactory factory, Func<WeishiDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<WeishiDbContext>());
    }

    public static Task<Demand> DemandAsync(WeishiAppFactory factory, int id) =>
        QueryAsync(factory, db => db.Demands.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.Id == id));
}
