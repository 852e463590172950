using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>The 关联居民需求 list of the proposal form offers the applicant community's needs only, not every community in the user's scope.</summary>
[Collection(DemoCollection.Name)]
public class ProposalDemandListTests(DemoApp app)
{
    private const int Year = 2072;
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<int> OpenDemandAsync(string community, string text)
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, community);
        return await Fixtures.QueryAsync(app.Factory, async db =>
        {
            // Later than any need other tests add, so it is among the 30 most recent needs the form lists.
            var d = new Demand { Text = text, Channel = DemandChannel.Visit, RegionId = regionId, SubmittedAtUtc = new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc), Status = DemandStatus.Accepted };
            db.Demands.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
    }

    private async Task<List<KeyValuePair<string, string>>> FormAsync(string name, string community) =>
    [
        new("Input.Year", S(Year)), new("Input.RegionId", S(await TestData.RegionIdAsync(app.Factory, community))), new("Input.Name", name),
        new("Input.Type", nameof(ProjectType.Service)), new("Input.Category", nameof(ProjectCategory.Elderly)),
        new("Input.Content", "每月为辖区长者开展两次健康讲座"), new("Input.TargetGroup", "60岁以上长者"), new("Input.Place", "社区党群服务中心"),
        new("Input.Schedule", "全年每月两次"), new("Input.PlannedBeneficiaries", "300"), new("Input.PlannedSessions", "24"),
        new("Input.Lines[0].Item", "讲师费"), new("Input.Lines[0].Unit", "场"), new("Input.Lines[0].Quantity", "24"), new("Input.Lines[0].UnitPrice", "800"),
        new("Input.Targets[0].Dimension", nameof(TargetDimension.Quantity)), new("Input.Targets[0].Indicator", "开展活动场次"),
        new("Input.Targets[0].Value", "24"), new("Input.Targets[0].Unit", "场"), new("submitAs", "draft"),
    ];

    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string url, List<KeyValuePair<string, string>> form, params int[] demandIds) =>
        await browser.Client.PostAsync(url, new FormUrlEncodedContent([.. form, new("__RequestVerificationToken", await Fixtures.TokenAsync(browser, "/Proposals/Create")),
            .. demandIds.Select(id => new KeyValuePair<string, string>("Input.DemandIds", S(id)))]));

    private static List<int> Offered(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("input[name='Input.DemandIds']").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task A_subdistrict_user_editing_a_communitys_draft_is_offered_and_given_only_that_communitys_needs()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var own = await OpenDemandAsync(Fixtures.LiuLian, "六联长者希望有健康讲座 " + marker);
        var other = await OpenDemandAsync(Fixtures.LiuHe, "六和居民希望增设篮球架 " + marker);
        var subdistrict = await Browser.LoginAsync(app.Factory, "sd-ps");

        var saved = await PostAsync(subdistrict, "/Proposals/Create", await FormAsync("六联长者讲座" + marker, Fixtures.LiuLian));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);

        var (status, edit) = await subdistrict.GetAsync($"/Proposals/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(own, Offered(edit));
        Assert.DoesNotContain(other, Offered(edit));
        Assert.DoesNotContain("六和居民希望增设篮球架 " + marker, edit.Body!.TextContent);

        // A form naming the other community's need anyway links only the project's own community's need.
        var changed = await PostAsync(subdistrict, $"/Proposals/Edit/{id}", await FormAsync("六联长者讲座" + marker, Fixtures.LiuLian), own, other);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.Demands.IgnoreQueryFilters().Where(d => d.Id == own || d.Id == other)
            .ToDictionaryAsync(d => d.Id, d => (d.ProjectId, d.Status)));
        Assert.Equal(id, stored[own].ProjectId);
        Assert.Equal(DemandStatus.Converted, stored[own].Status);
        Assert.Null(stored[other].ProjectId);
        Assert.Equal(DemandStatus.Accepted, stored[other].Status);
    }

    [Fact]
    public async Task Creating_for_a_community_offers_that_communitys_needs_and_refreshing_keeps_what_was_typed()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var liuLian = await OpenDemandAsync(Fixtures.LiuLian, "六联居民希望开设书法班 " + marker);
        var liuHe = await OpenDemandAsync(Fixtures.LiuHe, "六和居民希望开设舞蹈班 " + marker);
        var subdistrict = await Browser.LoginAsync(app.Factory, "sd-ps");
        var (_, create) = await subdistrict.GetAsync("/Proposals/Create");
        Assert.NotNull(create.QuerySelector("[data-testid=refresh-demands]"));

        var name = "书法班" + marker;
        var refreshed = await PostAsync(subdistrict, "/Proposals/Create?handler=Refresh", await FormAsync(name, Fixtures.LiuHe));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var page = await subdistrict.ReadAsync(refreshed);
        Assert.Contains(liuHe, Offered(page));
        Assert.DoesNotContain(liuLian, Offered(page));
        Assert.Equal(name, page.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Projects.IgnoreQueryFilters().CountAsync(p => p.Name == name)));
    }
}
