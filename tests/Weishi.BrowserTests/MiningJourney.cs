using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class MiningJourney(LiveApp app)
{
    [Fact]
    public async Task Community_staff_mine_their_needs_see_topics_and_merge_duplicates()
    {
        const int year = 2171;
        string[] texts =
        [
            "坑梓中心公园的儿童滑梯坏了，孩子玩耍有危险，希望尽快维修",
            "坑梓中心公园儿童滑梯坏了，孩子玩耍有危险，希望尽快维修！",
            // Two other needs of old people that are not one need (a canteen for people living alone and a
            // discounted canteen meal for them would be: the detector rightly groups those).
            "社区老人多，希望开办长者饭堂，解决独居老人吃饭难",
            "老年活动室太小了，下雨天挤不下，希望扩建",
        ];
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var regionId = await db.Regions.Where(r => r.Code == "440310001001").Select(r => r.Id).SingleAsync();
            db.Demands.AddRange(texts.Select((t, i) => new Demand
            {
                Text = t, Channel = DemandChannel.Visit, RegionId = regionId, Status = DemandStatus.Pending,
                SubmittedAtUtc = new DateTime(year, 3, 1 + i, 8, 0, 0, DateTimeKind.Utc), TrackingCode = DemandRules.NewTrackingCode(),
            }));
            await db.SaveChangesAsync();
        }

        var page = await app.LoginAsync("cs-ll");
        await page.GotoAsync("/Mining");
        await page.GetByLabel("需求提交自").FillAsync($"{year}-01-01");
        await page.GetByLabel("至", new() { Exact = true }).FillAsync($"{year}-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始分析" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Jobs/Detail/", StringComparison.Ordinal));
        await page.Locator("[data-testid=job-progress][data-status=Succeeded]").WaitForAsync(new() { Timeout = 60_000 });

        await page.GotoAsync("/Mining");
        Assert.Contains("4", await page.GetByTestId("run-count").TextContentAsync());
        await page.Locator("[data-mining-chart=pie] canvas").WaitForAsync();
        var group = page.GetByTestId("duplicate-group");
        Assert.Contains("滑梯", await group.TextContentAsync());
        await group.GetByRole(AriaRole.Button, new() { Name = "合并" }).ClickAsync();
        await page.GetByTestId("no-duplicates").WaitForAsync();
    }
}
