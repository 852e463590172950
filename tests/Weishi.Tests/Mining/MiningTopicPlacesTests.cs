using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>
/// A topic's 转为项目申报 link takes the region where its open needs are and the first open needs' texts. A run stores
/// each topic's regions and each need's region, so the page checks only those regions instead of reading the whole run;
/// a run stored before they were kept gets them at start-up and shows the same.
/// </summary>
[Collection(DemoCollection.Name)]
public class MiningTopicPlacesTests(DemoApp app)
{
    [Fact]
    public async Task The_mining_job_stores_each_topics_regions_and_each_needs_region()
    {
        const int year = 2301;
        var liuLian = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            "小区电动自行车越来越多，希望增设电动自行车充电桩，避免飞线充电",
            "楼下没有充电桩，电动车只能拉线充电，希望安装集中充电桩",
            "社区老人多，希望开办长者饭堂，解决独居老人吃饭难");
        var liuHe = await AddDemandsAsync(app.Factory, DemandHelpers.LiuHe, year,
            "建议在停车棚加装电动车智能充电桩，方便居民充电",
            "希望长者饭堂提供送餐上门服务，行动不便的老人吃饭困难",
            "建议社区长者饭堂增加午餐供应，老人用餐更方便");
        var subdistrict = await SubdistrictCodeAsync();

        var run = await RunAsync(app.Factory, await Browser.LoginAsync(app.Factory, "sd-ps"), subdistrict, year);

        var regionOf = await QueryAsync(app.Factory, db => db.Demands.IgnoreQueryFilters().Where(d => liuLian.Contains(d.Id) || liuHe.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.RegionId));
        Assert.Equal(regionOf.Keys.Order(), run.Items.Select(i => i.DemandId).Order());
        Assert.All(run.Items, i => Assert.Equal(regionOf[i.DemandId], i.RegionId));
        var stored = await QueryAsync(app.Factory, db => db.MiningTopicRegions.IgnoreQueryFilters().Where(p => p.RunId == run.Id)
            .Select(p => new { p.TopicNumber, p.RegionId }).ToListAsync());
        var expected = run.Items.Select(i => new { i.TopicNumber, RegionId = regionOf[i.DemandId] }).Distinct().OrderBy(p => p.TopicNumber).ThenBy(p => p.RegionId);
        Assert.Equal(expected, stored.OrderBy(p => p.TopicNumber).ThenBy(p => p.RegionId));
        Assert.Equal(2, stored.Select(p => p.RegionId).Distinct().Count());
    }

    /// <param name="withRegions">False: a run stored before the topics' and needs' regions were kept.</param>
    [Theory]
    [InlineData(true, 2302)]
    [InlineData(false, 2303)]
    public async Task A_topics_proposal_link_takes_its_open_needs_region_and_first_open_texts(bool withRegions, int year)
    {
        // Topic 0: seven needs in 六联 (the first declined) and two in 六和 (both declined); topic 1: one open need in
        // 六联 and two in 六和; topic 2: two declined needs in 六联.
        var liuLian = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            [.. Enumerable.Range(0, 7).Select(i => $"甲主题第{i}条需求"), "乙主题六联需求", "丙主题第0条需求", "丙主题第1条需求"]);
        var liuHe = await AddDemandsAsync(app.Factory, DemandHelpers.LiuHe, year, "甲主题六和第0条", "甲主题六和第1条", "乙主题六和第0条", "乙主题六和第1条");
        var topicOf = new Dictionary<int, int>();
        foreach (var id in liuLian.Take(7).Concat(liuHe.Take(2))) topicOf[id] = 0;
        foreach (var id in liuLian.Skip(7).Take(1).Concat(liuHe.Skip(2))) topicOf[id] = 1;
        foreach (var id in liuLian.Skip(8)) topicOf[id] = 2;
        int[] declined = [liuLian[0], liuHe[0], liuHe[1], liuLian[8], liuLian[9]];
        var subdistrictId = await TestData.RegionIdAsync(app.Factory, await SubdistrictCodeAsync());
        var liuLianId = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        var liuHeId = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuHe);
        int RegionOf(int id) => liuLian.Contains(id) ? liuLianId : liuHeId;

        var run = new MiningRun
        {
            RegionId = subdistrictId, From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31), DemandCount = topicOf.Count, CreatedByName = "测试", CreatedAtUtc = DateTime.UtcNow,
        };
        foreach (var topic in topicOf.GroupBy(t => t.Value, t => t.Key))
        {
            run.Topics.Add(new MiningTopic
            {
                Number = topic.Key, Label = "测试主题" + topic.Key, Keywords = "测试", Size = topic.Count(), Monthly = $"{year}-01={topic.Count()}",
                Communities = "六联=1", RepresentativeDemandIds = topic.First().ToString(CultureInfo.InvariantCulture),
            });
        }
        foreach (var (id, topic) in topicOf.OrderBy(t => t.Key))
        {
            run.Items.Add(new MiningItem
            {
                DemandId = id, TopicNumber = topic, RegionId = withRegions ? RegionOf(id) : null, Category = Categories.Culture, Confidence = 0.5, Keywords = "测试",
            });
        }
        if (withRegions)
        {
            foreach (var (topic, region) in topicOf.Select(t => (t.Value, RegionOf(t.Key))).Distinct())
                run.TopicRegions.Add(new MiningTopicRegion { TopicNumber = topic, RegionId = region });
        }
        await QueryAsync(app.Factory, async db =>
        {
            db.MiningRuns.Add(run);
            await db.Demands.IgnoreQueryFilters().Where(d => declined.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DemandStatus.Declined));
            return await db.SaveChangesAsync();
        });
        if (!withRegions)
        {
            // The start-up fills the old run's regions from its needs, as the job stores them, once.
            Assert.True(await QueryAsync(app.Factory, db => MiningRegionBackfill.BackfillAsync(db)) >= 1);
            var stored = await QueryAsync(app.Factory, db => db.MiningTopicRegions.IgnoreQueryFilters().Where(p => p.RunId == run.Id)
                .Select(p => new { p.TopicNumber, p.RegionId }).ToListAsync());
            Assert.Equal(topicOf.Select(t => new { TopicNumber = t.Value, RegionId = RegionOf(t.Key) }).Distinct().OrderBy(p => p.TopicNumber).ThenBy(p => p.RegionId),
                stored.OrderBy(p => p.TopicNumber).ThenBy(p => p.RegionId));
            var items = await QueryAsync(app.Factory, db => db.MiningItems.IgnoreQueryFilters().Where(i => i.RunId == run.Id).ToDictionaryAsync(i => i.DemandId, i => i.RegionId));
            Assert.All(topicOf.Keys, id => Assert.Equal(RegionOf(id), items[id]));
            Assert.Equal(0, await QueryAsync(app.Factory, db => MiningRegionBackfill.BackfillAsync(db)));
        }

        var (_, page) = await (await Browser.LoginAsync(app.Factory, "sd-ps")).GetAsync($"/Mining?run={run.Id}");

        var links = page.QuerySelectorAll("[data-testid=topic-proposal]").Select(a => Query(a.GetAttribute("href")!))
            .ToDictionary(q => int.Parse(q["topic"], CultureInfo.InvariantCulture));
        Assert.Equal([0, 1], links.Keys.Order());
        // Topic 0's open needs are all in 六联; the first five in need order, without the declined one.
        Assert.Equal(liuLianId.ToString(CultureInfo.InvariantCulture), links[0]["region"]);
        Assert.Equal("根据居民需求：" + string.Join("；", Enumerable.Range(1, 5).Select(i => $"甲主题第{i}条需求")), links[0]["content"]);
        // Topic 1's are in both communities: the link takes their subdistrict.
        Assert.Equal(subdistrictId.ToString(CultureInfo.InvariantCulture), links[1]["region"]);
        Assert.Equal("根据居民需求：乙主题六联需求；乙主题六和第0条；乙主题六和第1条", links[1]["content"]);
    }

    private async Task<string> SubdistrictCodeAsync() =>
        await QueryAsync(app.Factory, db => db.Regions.Where(r => r.Code == DemandHelpers.LiuLian).Select(r => r.Parent!.Code).SingleAsync());

    private static Dictionary<string, string> Query(string href) =>
        href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
}
