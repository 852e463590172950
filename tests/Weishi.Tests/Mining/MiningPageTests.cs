using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Demands;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

[Collection(DemoCollection.Name)]
public class MiningPageTests(DemoApp app)
{
    private static readonly string[] Charging =
    [
        "小区电动自行车越来越多，希望增设电动自行车充电桩，避免飞线充电",
        "楼下没有充电桩，电动车只能拉线充电，希望安装集中充电桩",
        "建议在停车棚加装电动车智能充电桩，方便居民充电",
        "电动车充电难，希望社区协调建设充电桩和充电棚",
        "居民电动车充电不方便，请求在小区门口增加充电桩",
    ];

    private static readonly string[] Canteen =
    [
        "社区老人多，希望开办长者饭堂，解决独居老人吃饭难",
        "希望长者饭堂提供送餐上门服务，行动不便的老人吃饭困难",
        "建议社区长者饭堂增加午餐供应，老人用餐更方便",
        "独居老人做饭不方便，希望有长者饭堂优惠用餐",
        "希望建一个老年人助餐点，为高龄老人提供午饭",
    ];

    [Fact]
    public async Task Mining_job_stores_topics_with_trend_and_duplicate_groups_and_the_page_shows_them()
    {
        const int year = 2151;
        var duplicate = "六联花园三栋门口的路灯坏了一个月，晚上很黑，希望尽快修好";
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            [.. Charging, .. Canteen, duplicate, "六联花园三栋门口路灯坏了一个月了，晚上很黑，希望尽快修好！"]);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");

        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);

        Assert.Equal(ids.Count, run.DemandCount);
        Assert.Equal(ids.Order(), run.Items.Select(i => i.DemandId).Order());
        var chargingTopic = run.Items.Where(i => ids.Take(5).Contains(i.DemandId)).GroupBy(i => i.TopicNumber).OrderByDescending(g => g.Count()).First();
        Assert.True(chargingTopic.Count() >= 4, "the charging needs share a topic");
        var topic = run.Topics.Single(t => t.Number == chargingTopic.Key);
        Assert.Contains("充电", topic.Label + topic.Keywords);
        Assert.Equal(topic.Size, run.Items.Count(i => i.TopicNumber == topic.Number));
        Assert.Contains($"{year}-01=", topic.Monthly);
        Assert.Contains("六联", topic.Communities);
        Assert.NotEmpty(topic.RepresentativeDemandIds);
        var canteenTopic = run.Items.Where(i => ids.Skip(5).Take(5).Contains(i.DemandId)).GroupBy(i => i.TopicNumber).OrderByDescending(g => g.Count()).First();
        Assert.NotEqual(chargingTopic.Key, canteenTopic.Key);
        var dupItems = run.Items.Where(i => i.DemandId == ids[^1] || i.DemandId == ids[^2]).ToList();
        Assert.NotNull(dupItems[0].DuplicateGroup);
        Assert.Equal(dupItems[0].DuplicateGroup, dupItems[1].DuplicateGroup);
        Assert.Equal(2, run.Items.Count(i => i.DuplicateGroup == dupItems[0].DuplicateGroup));
        Assert.All(run.Items, i => Assert.Contains(i.Category, Categories.All));

        var (status, page) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(topic.Label, page.QuerySelector("[data-testid=topics]")!.TextContent);
        // The five requests for e-bike chargers in this one community are one need too (the same place-less request
        // for the same thing); no shown group mixes two different needs.
        var shown = page.QuerySelectorAll("[data-testid=duplicate-group]").Select(g => g.TextContent).ToList();
        var lights = Assert.Single(shown, g => g.Contains("路灯", StringComparison.Ordinal));
        Assert.DoesNotContain("充电", lights, StringComparison.Ordinal);
        Assert.DoesNotContain("饭堂", lights, StringComparison.Ordinal);
        Assert.DoesNotContain(shown, g => g.Contains("充电", StringComparison.Ordinal) && g.Contains("饭堂", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("#trend-data"));
        Assert.Contains("%", page.QuerySelector("[data-testid=shares]")!.TextContent);
    }

    [Fact]
    public async Task Merging_keeps_every_original_records_the_survivor_and_counts_support()
    {
        const int year = 2152;
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            "碧岭路公交站没有遮雨棚，下雨天等车全身淋湿，希望加装候车亭雨棚",
            "碧岭路公交站没有遮雨棚，下雨天等车全身都淋湿了，希望加装候车亭雨棚",
            "碧岭路的公交站没有遮雨棚，下雨天等车全身淋湿，希望加装候车亭的雨棚",
            "希望社区每周组织一次广场舞培训，丰富居民业余生活");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var groupNumber = run.Items.Single(i => i.DemandId == ids[0]).DuplicateGroup;
        Assert.NotNull(groupNumber);
        Assert.Equal(ids.Take(3).Order(), run.Items.Where(i => i.DuplicateGroup == groupNumber).Select(i => i.DemandId).Order());
        var originals = await Task.WhenAll(ids.Take(3).Select(id => DemandAsync(app.Factory, id)));

        var response = await staff.SubmitAsync($"/Mining?run={run.Id}", new()
        {
            ["survivor"] = ids[1].ToString(CultureInfo.InvariantCulture),
            ["merge[0]"] = ids[0].ToString(CultureInfo.InvariantCulture),
            ["merge[1]"] = ids[1].ToString(CultureInfo.InvariantCulture),
            ["merge[2]"] = ids[2].ToString(CultureInfo.InvariantCulture),
        }, $"/Mining?handler=Merge&run={run.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var survivor = await DemandAsync(app.Factory, ids[1]);
        Assert.Equal(DemandStatus.Pending, survivor.Status);
        Assert.Null(survivor.MergedIntoDemandId);
        foreach (var (id, original) in new[] { (ids[0], originals[0]), (ids[2], originals[2]) })
        {
            var merged = await DemandAsync(app.Factory, id);
            Assert.Equal(DemandStatus.Merged, merged.Status);
            Assert.Equal(ids[1], merged.MergedIntoDemandId);
            Assert.Equal(original.Text, merged.Text);
            Assert.Equal(original.TrackingCode, merged.TrackingCode);
        }
        var (_, detail) = await staff.GetAsync($"/Demands/Detail/{ids[1]}");
        Assert.Contains("3", detail.QuerySelector("[data-testid=demand-support]")!.TextContent);
        var (_, mergedDetail) = await staff.GetAsync($"/Demands/Detail/{ids[0]}");
        Assert.Contains(survivor.TrackingCode!, mergedDetail.QuerySelector("[data-testid=merged-into]")!.TextContent);
        var (_, page) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Empty(page.QuerySelectorAll("[data-testid=duplicate-group]"));

        // A later run counts the survivor once; the merged originals are its support, not separate needs.
        var again = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        Assert.Equal(2, again.DemandCount);
    }

    [Fact]
    public async Task Merging_refuses_a_need_already_handled_or_outside_the_users_community_and_changes_nothing()
    {
        const int year = 2153;
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            "马峦山步道入口垃圾桶太少，游客乱扔垃圾，希望增加垃圾桶",
            "马峦山步道入口的垃圾桶太少，游客乱扔垃圾，希望多放垃圾桶");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var other = await Browser.LoginAsync(app.Factory, "cs-lh");

        var foreign = await other.SubmitAsync("/Mining", new()
        {
            ["survivor"] = ids[0].ToString(CultureInfo.InvariantCulture), ["merge[0]"] = ids[1].ToString(CultureInfo.InvariantCulture),
        }, "/Mining?handler=Merge");
        Assert.NotEqual(HttpStatusCode.Redirect, foreign.StatusCode);
        var empty = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["survivor"] = ids[0].ToString(CultureInfo.InvariantCulture) },
            $"/Mining?handler=Merge&run={run.Id}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull((await staff.ReadAsync(empty)).QuerySelector("[data-testid=form-error]"));

        foreach (var id in ids)
        {
            var d = await DemandAsync(app.Factory, id);
            Assert.Equal(DemandStatus.Pending, d.Status);
            Assert.Null(d.MergedIntoDemandId);
        }
    }

    [Fact]
    public async Task Out_of_scope_need_is_referred_to_a_department_with_a_record_and_bad_input_changes_nothing()
    {
        const int year = 2154;
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            "工厂老板拖欠我们三个月工资，讨薪无门，希望有关部门帮忙追讨欠薪",
            "希望社区组织亲子阅读活动，让孩子周末有地方去");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        Assert.Equal(Categories.OutOfScope, run.Items.Single(i => i.DemandId == ids[0]).Category);
        var (_, page) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.NotNull(page.QuerySelector($"[data-testid=to-refer][data-demand='{ids[0]}']"));

        var bad = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["demand"] = ids[0].ToString(CultureInfo.InvariantCulture), ["department"] = " " },
            $"/Mining?handler=Refer&run={run.Id}");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("承办部门", (await staff.ReadAsync(bad)).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Equal(DemandStatus.Pending, (await DemandAsync(app.Factory, ids[0])).Status);
        Assert.False(await QueryAsync(app.Factory, db => db.DemandReferrals.AnyAsync(r => r.DemandId == ids[0])));

        var ok = await staff.SubmitAsync($"/Mining?run={run.Id}", new()
        {
            ["demand"] = ids[0].ToString(CultureInfo.InvariantCulture), ["department"] = "区人力资源局劳动监察大队", ["note"] = "已电话告知居民",
        }, $"/Mining?handler=Refer&run={run.Id}");

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var referral = await QueryAsync(app.Factory, db => db.DemandReferrals.AsNoTracking().SingleAsync(r => r.DemandId == ids[0]));
        Assert.Equal("区人力资源局劳动监察大队", referral.Department);
        Assert.Equal("已电话告知居民", referral.Note);
        Assert.False(string.IsNullOrEmpty(referral.ReferredByName));
        var demand = await DemandAsync(app.Factory, ids[0]);
        Assert.Equal(DemandStatus.Referred, demand.Status);
        Assert.Contains("区人力资源局劳动监察大队", demand.StatusReason);
        var (_, track) = await Browser.For(app.Factory).GetAsync("/Portal/Track?code=" + demand.TrackingCode);
        Assert.Equal("转办至：区人力资源局劳动监察大队", track.QuerySelector("[data-testid=demand-reason]")!.TextContent.Trim());
        var (_, after) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Null(after.QuerySelector($"[data-testid=to-refer][data-demand='{ids[0]}']"));
        Assert.Contains("区人力资源局劳动监察大队", after.QuerySelector("[data-testid=referred]")!.TextContent);
    }

    /// <summary>What the form shows; saving it (the needs converted, one project) is in <see cref="MinedProposalTests"/>.</summary>
    [Fact]
    public async Task Turning_a_topic_into_a_proposal_prefills_the_form_and_lists_every_need_of_a_small_topic()
    {
        const int year = 2155;
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            "双职工家庭孩子放学没人管，希望开办四点半课堂",
            "希望社区开设四点半课堂，辅导小学生做作业",
            "孩子下午四点半放学家长还在上班，希望有四点半课堂托管",
            "建议四点半课堂增加阅读和手工课程，孩子放学有去处");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var (_, page) = await staff.GetAsync($"/Mining?run={run.Id}");
        var topic = Assert.Single(run.Items.Where(i => ids.Contains(i.DemandId)).Select(i => i.TopicNumber).Distinct());
        var link = page.QuerySelectorAll("[data-testid=topic-proposal]").Select(a => a.GetAttribute("href")!)
            .Single(href => href.Contains($"run={run.Id}&topic={topic}&", StringComparison.Ordinal));

        var (status, form) = await staff.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("微实事项目", form.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Contains("四点半课堂", form.QuerySelector("#content")!.TextContent);
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        Assert.Equal(liuLian.ToString(CultureInfo.InvariantCulture), form.QuerySelector("#region option[selected]")!.GetAttribute("value"));
        Assert.Equal(ids.Count.ToString(CultureInfo.InvariantCulture), form.QuerySelector("[data-testid=mined-count]")!.TextContent);
        foreach (var id in ids) Assert.NotNull(form.QuerySelector($"[data-testid=mined-need][data-demand='{id}']"));
    }

    [Fact]
    public async Task Community_staff_see_only_their_own_communitys_runs_and_cannot_mine_another_community()
    {
        const int year = 2156;
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year, "六联社区篮球场地面开裂，希望翻新篮球场", "希望六联社区篮球场晚上开灯");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var other = await Browser.LoginAsync(app.Factory, "cs-lh");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Mining?run={run.Id}")).Status);
        var (_, own) = await other.GetAsync("/Mining");
        Assert.DoesNotContain("篮球场", own.Body!.TextContent);
        Assert.DoesNotContain(own.QuerySelectorAll("#region option"), o => o.GetAttribute("value") == run.RegionId.ToString(CultureInfo.InvariantCulture));
        var jobsBefore = await QueryAsync(app.Factory, db => db.Jobs.CountAsync());
        var refused = await other.SubmitAsync("/Mining", new()
        {
            ["RegionId"] = run.RegionId.ToString(CultureInfo.InvariantCulture), ["From"] = $"{year}-01-01", ["To"] = $"{year}-12-31",
        }, "/Mining?handler=Run");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await other.ReadAsync(refused)).QuerySelector("[data-testid=form-error]"));
        Assert.Equal(jobsBefore, await QueryAsync(app.Factory, db => db.Jobs.CountAsync()));

        // The subdistrict and the district see it.
        Assert.Equal(HttpStatusCode.OK, (await (await Browser.LoginAsync(app.Factory, "district")).GetAsync($"/Mining?run={run.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await Browser.LoginAsync(app.Factory, "sd-ps")).GetAsync($"/Mining?run={run.Id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Browser.LoginAsync(app.Factory, "contractor")).GetAsync("/Mining")).Status);
    }

    [Fact]
    public async Task Setting_merged_by_hand_on_the_need_requires_and_records_the_surviving_need()
    {
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2158, "石井街道菜市场门口积水严重，希望疏通排水", "石井菜市场门口经常积水，希望疏通下水道");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var survivor = await DemandAsync(app.Factory, ids[1]);

        var refused = await staff.SubmitAsync($"/Demands/Detail/{ids[0]}", new() { ["NewStatus"] = "Merged", ["MergeInto"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("查询码", (await staff.ReadAsync(refused)).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Equal(DemandStatus.Pending, (await DemandAsync(app.Factory, ids[0])).Status);

        var ok = await staff.SubmitAsync($"/Demands/Detail/{ids[0]}", new() { ["NewStatus"] = "Merged", ["MergeInto"] = survivor.TrackingCode! });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var merged = await DemandAsync(app.Factory, ids[0]);
        Assert.Equal(DemandStatus.Merged, merged.Status);
        Assert.Equal(ids[1], merged.MergedIntoDemandId);
        var (_, detail) = await staff.GetAsync($"/Demands/Detail/{ids[1]}");
        Assert.Contains("2", detail.QuerySelector("[data-testid=demand-support]")!.TextContent);
        // Merging by hand is a staff decision the duplicate model learns from too.
        var decision = await QueryAsync(app.Factory, db => db.DuplicateDecisions.AsNoTracking().SingleAsync(d => d.DemandId == ids[0]));
        Assert.Equal((ids[1], true, merged.Text), (decision.OtherDemandId, decision.IsDuplicate, decision.Text));
    }

    [Fact]
    public async Task A_period_without_needs_gives_an_empty_run_not_an_error()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2159);
        Assert.Equal(0, run.DemandCount);
        Assert.Empty(run.Topics);
        var (status, page) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("0", page.QuerySelector("[data-testid=run-count]")!.TextContent);
    }

    [Theory]
    [InlineData("2157-05-01", "2157-01-01")]
    [InlineData("2157/01/01", "2157-12-31")]
    [InlineData("", "2157-12-31")]
    [InlineData("2150-01-01", "2157-12-31")]
    public async Task Bad_period_is_refused_in_chinese_and_queues_nothing(string from, string to)
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        var jobsBefore = await QueryAsync(app.Factory, db => db.Jobs.CountAsync());

        var response = await staff.SubmitAsync("/Mining", new()
        {
            ["RegionId"] = liuLian.ToString(CultureInfo.InvariantCulture), ["From"] = from, ["To"] = to,
        }, "/Mining?handler=Run");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("日期", (await staff.ReadAsync(response)).QuerySelector("[data-testid=form-error]")!.TextContent
            .Replace("期间", "日期", StringComparison.Ordinal));
        Assert.Equal(jobsBefore, await QueryAsync(app.Factory, db => db.Jobs.CountAsync()));
    }
}
