using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>转为项目申报 from 需求分析 links every open need of a topic, however many, and only needs of the user's scope.</summary>
[Collection(DemoCollection.Name)]
public class MinedProposalTests(DemoApp app)
{
    // Identical texts have identical vectors, so they always fall into one topic (and one duplicate group).
    private const string Charging = "希望小区增设电动自行车集中充电桩，解决楼道飞线充电的安全隐患";
    private static readonly string[] Others =
    [
        "希望社区开办长者饭堂，解决独居老人吃饭难", "希望开设四点半课堂，辅导小学生做作业", "公园健身器材损坏，希望尽快维修",
        "希望多组织露天电影和文艺演出", "希望开展防诈骗宣传讲座", "希望提供免费义诊和健康体检",
    ];

    [Fact]
    public async Task A_topic_of_more_than_sixty_open_needs_links_every_one_to_the_proposal_but_no_merged_or_declined_need()
    {
        const int year = 2171;
        var charging = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year, [.. Enumerable.Repeat(Charging, 75)]);
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year, Others);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var topic = Assert.Single(run.Items.Where(i => charging.Contains(i.DemandId)).Select(i => i.TopicNumber).Distinct());
        Assert.True(run.Topics.Single(t => t.Number == topic).Size >= 75);
        // After the run some needs are handled otherwise: merged into another, declined.
        var merged = charging.Take(3).ToList();
        var declined = charging.Skip(3).Take(2).ToList();
        await QueryAsync(app.Factory, async db =>
        {
            await db.Demands.Where(d => merged.Contains(d.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DemandStatus.Merged).SetProperty(d => d.MergedIntoDemandId, charging[^1]));
            return await db.Demands.Where(d => declined.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DemandStatus.Declined));
        });
        var open = charging.Except(merged).Except(declined).ToList();
        // Other needs may share the topic: every open need of it is linked.
        var openInTopic = run.Items.Where(i => i.TopicNumber == topic).Select(i => i.DemandId).Except(merged).Except(declined).ToList();
        Assert.True(open.Count > 60);

        var (_, page) = await staff.GetAsync($"/Mining?run={run.Id}");
        var link = page.QuerySelectorAll("[data-testid=topic-proposal]").Select(a => a.GetAttribute("href")!)
            .Single(href => href.Contains($"run={run.Id}&topic={topic}&", StringComparison.Ordinal));
        Assert.DoesNotContain("demand=", link);
        var (status, form) = await staff.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(openInTopic.Count.ToString(CultureInfo.InvariantCulture), form.QuerySelector("[data-testid=mined-count]")!.TextContent);
        var listed = form.QuerySelectorAll("[data-testid=mined-need]").Select(e => int.Parse(e.GetAttribute("data-demand")!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, id => Assert.Contains(id, openInTopic));
        // The form carries the topic, not the needs: a handful of values, far below the 1024-value form limit.
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        // Saved under the name the link prefilled.
        var fields = ProposalFields(form, 2098, liuLian, form.QuerySelector("#name")!.GetAttribute("value")!);
        Assert.Equal(run.Id.ToString(CultureInfo.InvariantCulture), fields["Input.MinedRun"]);
        Assert.True(fields.Count < 40);

        var response = await staff.SubmitAsync(link, fields, "/Proposals/Create");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await staff.ReadAsync(response)).QuerySelector("[data-testid=errors]")?.TextContent);
        var inRun = run.Items.Select(i => i.DemandId).ToList();
        var after = await QueryAsync(app.Factory, db => db.Demands.IgnoreQueryFilters().AsNoTracking().Where(d => inRun.Contains(d.Id)).ToListAsync());
        Assert.Superset(open.ToHashSet(), openInTopic.ToHashSet());
        var project = Assert.Single(after.Where(d => openInTopic.Contains(d.Id)).Select(d => d.ProjectId).Distinct());
        Assert.NotNull(project);
        Assert.All(after.Where(d => openInTopic.Contains(d.Id)), d => Assert.Equal(DemandStatus.Converted, d.Status));
        Assert.All(after.Where(d => !openInTopic.Contains(d.Id)), d => Assert.Null(d.ProjectId));
        Assert.All(after.Where(d => merged.Contains(d.Id)), d => { Assert.Equal(DemandStatus.Merged, d.Status); Assert.Null(d.ProjectId); });
        Assert.All(after.Where(d => declined.Contains(d.Id)), d => { Assert.Equal(DemandStatus.Declined, d.Status); Assert.Null(d.ProjectId); });
        var (_, detail) = await staff.GetAsync($"/Demands/Detail/{open[^1]}");
        Assert.Contains("已转为项目", detail.Body!.TextContent);
    }

    [Fact]
    public async Task Needs_outside_the_users_scope_are_never_linked_from_a_district_run()
    {
        const int year = 2172;
        var own = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year, [.. Enumerable.Repeat(Charging, 4)]);
        var foreign = await AddDemandsAsync(app.Factory, DemandHelpers.LiuHe, year, [.. Enumerable.Repeat(Charging, 4)]);
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuHe, year, Others);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var districtId = await QueryAsync(app.Factory, db => db.Regions.Where(r => r.ParentId == null).Select(r => r.Id).SingleAsync());
        var run = await RunAsync(app.Factory, district, await QueryAsync(app.Factory, db => db.Regions.Where(r => r.Id == districtId).Select(r => r.Code).SingleAsync()), year);
        var topic = Assert.Single(run.Items.Where(i => own.Contains(i.DemandId) || foreign.Contains(i.DemandId)).Select(i => i.TopicNumber).Distinct());
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        var link = $"/Proposals/Create?run={run.Id}&topic={topic}&region={liuLian}";

        // Community staff cannot read the district's run: the form links none of its needs, and a hand-made post is refused.
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, form) = await staff.GetAsync(link);
        Assert.NotNull(form.QuerySelector("[data-testid=mined-refusal]"));
        Assert.Null(form.QuerySelector("[data-testid=mined-needs]"));
        var fields = ProposalFields(form, 2098, liuLian, "越权关联充电桩微实事项目");
        fields["Input.MinedRun"] = run.Id.ToString(CultureInfo.InvariantCulture);
        fields["Input.MinedTopic"] = topic.ToString(CultureInfo.InvariantCulture);
        var refused = await staff.SubmitAsync(link, fields, "/Proposals/Create");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("需求分析", (await staff.ReadAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.False(await QueryAsync(app.Factory, db => db.Projects.IgnoreQueryFilters().AnyAsync(p => p.Name == "越权关联充电桩微实事项目")));
        foreach (var id in own.Concat(foreign)) Assert.Null((await DemandAsync(app.Factory, id)).ProjectId);

        // The district reads the whole run; a community's proposal links that community's needs only.
        var (_, districtForm) = await district.GetAsync(link);
        Assert.Equal("4", districtForm.QuerySelector("[data-testid=mined-count]")!.TextContent);
        var elsewhere = run.Items.Count(i => i.TopicNumber == topic) - own.Count;
        Assert.Contains($"另有 {elsewhere} 条", districtForm.QuerySelector("[data-testid=mined-elsewhere]")!.TextContent);
        var ok = await district.SubmitAsync(link, ProposalFields(districtForm, 2098, liuLian, "六联充电桩微实事项目"), "/Proposals/Create");
        Assert.True(ok.StatusCode == HttpStatusCode.Redirect, (await district.ReadAsync(ok)).QuerySelector("[data-testid=errors]")?.TextContent);
        foreach (var id in own) Assert.Equal(DemandStatus.Converted, (await DemandAsync(app.Factory, id)).Status);
        foreach (var id in foreign)
        {
            var d = await DemandAsync(app.Factory, id);
            Assert.Null(d.ProjectId);
            Assert.Equal(DemandStatus.Pending, d.Status);
        }
    }

    [Fact]
    public async Task Links_naming_needs_by_id_still_prefill_the_form()
    {
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2173, "希望社区开设长者智能手机课", "希望教老人用手机挂号");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (status, form) = await staff.GetAsync($"/Proposals/Create?demand={ids[0]}&demand={ids[1]}&name=%E9%95%BF%E8%80%85%E6%89%8B%E6%9C%BA%E8%AF%BE");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("长者手机课", form.QuerySelector("#name")!.GetAttribute("value"));
        foreach (var id in ids) Assert.True(form.QuerySelector($"#demand-{id}")!.HasAttribute("checked"));
        Assert.Null(form.QuerySelector("[data-testid=mined-needs]"));
    }
}
