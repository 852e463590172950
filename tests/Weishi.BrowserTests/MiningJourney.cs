using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class MiningJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task Community_staff_mine_their_needs_see_topics_merge_duplicates_and_reject_a_false_group()
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
            // Suggested as one need, but two lanes are two needs: staff say so.
            "江岭村二巷夜晚冇灯，行路好惊",
            "江岭村三巷一直没有路灯，希望新装几盏",
        ];
        using (var scope = App.Factory.Services.CreateScope())
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

        var page = await App.LoginAsync("cs-ll");
        await page.GotoAsync("/Mining");
        await page.GetByLabel("需求提交自").FillAsync($"{year}-01-01");
        await page.GetByLabel("至", new() { Exact = true }).FillAsync($"{year}-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始分析" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Jobs/Detail/", StringComparison.Ordinal));
        await page.Locator("[data-testid=job-progress][data-status=Succeeded]").WaitForAsync(new() { Timeout = 60_000 });

        await page.GotoAsync("/Mining");
        Assert.Contains("6", await page.GetByTestId("run-count").TextContentAsync());
        await page.Locator("[data-mining-chart=pie] canvas").WaitForAsync();
        var slides = page.GetByTestId("duplicate-group").Filter(new() { HasText = "滑梯" });
        await slides.GetByRole(AriaRole.Button, new() { Name = "合并" }).ClickAsync();
        await page.GetByTestId("message").Filter(new() { HasText = "已合并" }).WaitForAsync();
        var lanes = page.GetByTestId("duplicate-group").Filter(new() { HasText = "江岭村" });
        await lanes.GetByRole(AriaRole.Button, new() { Name = "都不是重复" }).ClickAsync();
        await page.GetByTestId("message").Filter(new() { HasText = "不是重复" }).WaitForAsync();
        await page.GetByTestId("no-duplicates").WaitForAsync();
    }

    [Fact]
    public async Task District_admin_adds_a_local_word_to_the_dictionary_and_sees_needs_cut_with_it()
    {
        const string word = "腰旗橄榄球";
        var page = await App.LoginAsync("district");
        await page.GotoAsync("/Mining/Retrain");
        await page.GetByTestId("terms-link").ClickAsync();
        await page.GetByLabel("试分词的句子").FillAsync("周末想在社区打腰旗橄榄球");
        await page.GetByRole(AriaRole.Button, new() { Name = "试分词", Exact = true }).ClickAsync();
        Assert.DoesNotContain(word, (await page.GetByTestId("trial-local").TextContentAsync())!.Split(" / "));

        // Typed twice: nothing is added, the words stay in the box.
        await page.GetByLabel("词语（每行一个").FillAsync($"{word}\n{word}");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await page.GetByTestId("form-error").Filter(new() { HasText = "重复填写" }).WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("term").CountAsync());

        await page.GetByLabel("词语（每行一个").FillAsync(word);
        await page.GetByLabel("词性").SelectOptionAsync("nz");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await page.GetByTestId("message").Filter(new() { HasText = "已添加 1 个词" }).WaitForAsync();
        await page.GetByLabel("试分词的句子").FillAsync("周末想在社区打腰旗橄榄球");
        await page.GetByRole(AriaRole.Button, new() { Name = "试分词", Exact = true }).ClickAsync();
        Assert.Contains(word, (await page.GetByTestId("trial-local").TextContentAsync())!.Split(" / "));

        // Deleted again, so the other journeys mine with the shipped dictionary.
        string? asked = null;
        void Accept(object? _, IDialog dialog) { asked = dialog.Message; _ = dialog.AcceptAsync(); }
        page.Dialog += Accept;
        await page.GetByTestId("term").Filter(new() { HasText = word }).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await page.GetByTestId("message").Filter(new() { HasText = "已从本区词库删除" }).WaitForAsync();
        page.Dialog -= Accept;
        Assert.Contains($"确定删除“{word}”", asked);
        Assert.Equal(0, await page.GetByTestId("term").CountAsync());
    }
}
