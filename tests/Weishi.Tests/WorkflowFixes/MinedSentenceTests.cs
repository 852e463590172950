using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>The proposal form's sentence about a mined topic's needs is rendered, not shown as Razor source.</summary>
[Collection(DemoCollection.Name)]
public partial class MinedSentenceTests(DemoApp app)
{
    private const string Charging = "希望小区增设电动自行车集中充电桩，解决楼道飞线充电的安全隐患";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Fact]
    public async Task The_sentence_names_the_linked_needs_and_those_of_other_communities_without_razor_source()
    {
        const int year = 2187;
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year, [.. Enumerable.Repeat(Charging, 3)]);
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuHe, year, [.. Enumerable.Repeat(Charging, 2)]);
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuHe, year, "希望社区开办长者饭堂，解决独居老人吃饭难", "希望开设四点半课堂，辅导小学生做作业");
        var district = await Browser.LoginAsync(app.Factory, "district");
        var districtCode = await QueryAsync(app.Factory, db => db.Regions.Where(r => r.ParentId == null).Select(r => r.Code).SingleAsync());
        var run = await RunAsync(app.Factory, district, districtCode, year);
        var topic = run.Items.First(i => i.DemandId == run.Items.Min(x => x.DemandId)).TopicNumber;
        var inTopic = run.Items.Count(i => i.TopicNumber == topic);
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);

        var (_, form) = await district.GetAsync($"/Proposals/Create?run={run.Id}&topic={topic}&region={liuLian}");
        var sentence = Spaces().Replace(form.QuerySelector("[data-testid=mined-sentence]")!.TextContent, "");
        Assert.DoesNotContain("@", sentence);
        Assert.DoesNotContain("{", sentence);
        var linked = form.QuerySelector("[data-testid=mined-count]")!.TextContent;
        Assert.Equal("3", linked);
        Assert.EndsWith($"尚未处理的需求3条；另有{(inTopic - 3).ToString(CultureInfo.InvariantCulture)}条属于其他社区，不随本项目关联。", sentence);

        // A community's own run has no needs elsewhere: the sentence ends after the count.
        const int own = 2188;
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, own, [.. Enumerable.Repeat(Charging, 3)]);
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, own, "希望社区开办长者饭堂，解决独居老人吃饭难", "希望开设四点半课堂，辅导小学生做作业");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var ownRun = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, own);
        var ownTopic = ownRun.Items.First(i => i.DemandId == ownRun.Items.Min(x => x.DemandId)).TopicNumber;
        var (_, ownForm) = await staff.GetAsync($"/Proposals/Create?run={ownRun.Id}&topic={ownTopic}");
        var ownSentence = Spaces().Replace(ownForm.QuerySelector("[data-testid=mined-sentence]")!.TextContent, "");
        Assert.DoesNotContain("@", ownSentence);
        Assert.Null(ownForm.QuerySelector("[data-testid=mined-elsewhere]"));
        Assert.EndsWith($"尚未处理的需求{ownForm.QuerySelector("[data-testid=mined-count]")!.TextContent}条。", ownSentence);
    }
}
