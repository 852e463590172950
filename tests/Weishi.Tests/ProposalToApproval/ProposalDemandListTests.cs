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

    // Later than any need other tests add, so it is among the 30 most recent needs the form lists.
    private static readonly DateTime Latest = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private async Task<int> OpenDemandAsync(string community, string text, DateTime? submittedAtUtc = null, string? trackingCode = null)
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, community);
        return await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var d = new Demand { Text = text, Channel = DemandChannel.Visit, RegionId = regionId, SubmittedAtUtc = submittedAtUtc ?? Latest,
                Status = DemandStatus.Accepted, TrackingCode = trackingCode };
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

    [Fact]
    public async Task Searching_the_needs_lists_an_older_need_of_the_applicant_that_can_then_be_linked_and_keeps_what_was_typed()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        // Earlier than the needs of the other tests of this class (so they stay among the 30 most recent), later than the demo's.
        var at = new DateTime(8000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var code = "S" + marker[..7].ToUpperInvariant();
        var older = await OpenDemandAsync(Fixtures.LiuLian, "六联居民希望开设围棋班 " + marker, at, code);
        var ticked = await OpenDemandAsync(Fixtures.LiuLian, "六联居民希望开设象棋班 " + marker, at);
        for (var k = 1; k <= 31; k++)
            await OpenDemandAsync(Fixtures.LiuLian, $"六联居民希望增加长椅 {marker} {k}", at.AddDays(k));
        var otherCommunity = await OpenDemandAsync(Fixtures.LiuHe, "六和居民希望开设围棋班 " + marker, at.AddDays(40));
        var subdistrict = await Browser.LoginAsync(app.Factory, "sd-ps");
        var name = "棋类兴趣班" + marker;

        var unsearched = await subdistrict.ReadAsync(await PostAsync(subdistrict, "/Proposals/Create?handler=Refresh", await FormAsync(name, Fixtures.LiuLian), ticked));
        Assert.DoesNotContain(older, Offered(unsearched));
        Assert.Contains(ticked, Offered(unsearched));
        Assert.Matches(@"共 \d+ 条，显示最近 30 条", unsearched.QuerySelector("[data-testid=demands-found]")!.TextContent);

        var searched = await PostAsync(subdistrict, "/Proposals/Create?handler=Refresh",
            [.. await FormAsync(name, Fixtures.LiuLian), new("Input.DemandSearch", "围棋班 " + marker)], ticked);
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var page = await subdistrict.ReadAsync(searched);
        Assert.Equal([ticked, older], Offered(page));
        Assert.NotNull(page.QuerySelector($"#demand-{ticked}[checked]"));
        Assert.Null(page.QuerySelector($"#demand-{older}[checked]"));
        Assert.DoesNotContain("六和居民希望开设围棋班 " + marker, page.Body!.TextContent);
        Assert.Equal(name, page.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("讲师费", page.QuerySelector("input[name='Input.Lines[0].Item']")!.GetAttribute("value"));
        Assert.Equal("围棋班 " + marker, page.QuerySelector("#demand-search")!.GetAttribute("value"));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Projects.IgnoreQueryFilters().CountAsync(p => p.Name == name)));

        // The tracking code finds it too; the 30 newer needs' keyword lists them with the count of all that match.
        var byCode = await subdistrict.ReadAsync(await PostAsync(subdistrict, "/Proposals/Create?handler=Refresh",
            [.. await FormAsync(name, Fixtures.LiuLian), new("Input.DemandSearch", code.ToLowerInvariant())]));
        Assert.Equal([older], Offered(byCode));
        var many = await subdistrict.ReadAsync(await PostAsync(subdistrict, "/Proposals/Create?handler=Refresh",
            [.. await FormAsync(name, Fixtures.LiuLian), new("Input.DemandSearch", "增加长椅 " + marker)]));
        Assert.Equal(30, Offered(many).Count);
        Assert.Equal("共 31 条，显示最近 30 条", many.QuerySelector("[data-testid=demands-found]")!.TextContent.Trim());

        // Saving with the found need ticked links it; a form naming the other community's need links nothing of it.
        var saved = await PostAsync(subdistrict, "/Proposals/Create", await FormAsync(name, Fixtures.LiuLian), older, otherCommunity);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.Demands.IgnoreQueryFilters().Where(d => d.Id == older || d.Id == otherCommunity)
            .ToDictionaryAsync(d => d.Id, d => d.ProjectId));
        Assert.Equal(id, stored[older]);
        Assert.Null(stored[otherCommunity]);

        // The edit page searches the same way, within the project's community.
        var another = await OpenDemandAsync(Fixtures.LiuLian, "六联居民希望开设五子棋班 " + marker, at);
        var edited = await PostAsync(subdistrict, $"/Proposals/Edit/{id}?handler=Refresh",
            [.. await FormAsync(name + "改", Fixtures.LiuHe), new("Input.DemandSearch", "棋班 " + marker)]);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var editPage = await subdistrict.ReadAsync(edited);
        Assert.Equal([another, ticked], Offered(editPage));
        Assert.Equal(name + "改", editPage.QuerySelector("#name")!.GetAttribute("value"));
    }
}
