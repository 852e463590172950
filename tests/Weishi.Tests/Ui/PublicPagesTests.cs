using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Ui;

/// <summary>Residents' pages lead somewhere: their needs to tracking and projects, public pages back to the portal,
/// the poster from the staff's home, the public project list filterable and readable on a phone.</summary>
[Collection(DemoCollection.Name)]
public class PublicPagesTests(DemoApp app)
{
    private const string LiuLian = "440310001001";   // 六联社区, 坪山街道 (cs-ll)

    [Fact]
    public async Task A_resident_sees_each_need_with_its_tracking_page_its_public_project_and_a_way_to_raise_another()
    {
        var projectId = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2094, 100_00, ProjectStatus.Publicity);
        var marker = "居民首页测试" + Guid.NewGuid().ToString("N")[..8];
        var code = DemandRules.NewTrackingCode();
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var residentId = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync();
            var regionId = await db.Regions.Where(r => r.Code == LiuLian).Select(r => r.Id).SingleAsync();
            db.Demands.Add(new Demand
            {
                Text = marker, Channel = DemandChannel.Portal, RegionId = regionId, Status = DemandStatus.Converted, ProjectId = projectId,
                SubmittedAtUtc = new DateTime(2094, 1, 5, 8, 0, 0, DateTimeKind.Utc), SubmittedByUserId = residentId, TrackingCode = code,
            });
            await db.SaveChangesAsync();
        });

        var resident = await Browser.LoginAsync(app.Factory, "resident");
        var (status, page) = await resident.GetAsync("/Home/Resident");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("a[href='/Portal/Submit']"));
        var card = page.QuerySelectorAll("[data-testid=my-demand]").Single(c => c.TextContent.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(code, card.QuerySelector("[data-testid=tracking-code]")!.TextContent);
        var track = card.QuerySelector("[data-testid=track-link]")!.GetAttribute("href")!;
        Assert.Equal($"/Portal/Track?code={code}", track);
        var (trackStatus, trackPage) = await resident.GetAsync(track);
        Assert.Equal(HttpStatusCode.OK, trackStatus);
        Assert.Contains(marker, trackPage.Body!.TextContent);
        var project = card.QuerySelector("[data-testid=project-link]")!.GetAttribute("href")!;
        Assert.Equal($"/Public/Projects/Detail/{projectId}", project);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(project)).Status);
    }

    [Fact]
    public async Task On_public_pages_the_brand_and_a_link_lead_to_the_portal_for_staff_to_their_home()
    {
        var visitor = Browser.For(app.Factory);
        foreach (var url in new[] { "/Public/Projects", "/Public/Rubric", "/Portal", "/Account/Login" })
        {
            var (_, page) = await visitor.GetAsync(url);
            Assert.Equal("/Portal", page.QuerySelector("[data-testid=brand]")!.GetAttribute("href"));
            Assert.NotNull(page.QuerySelector("[data-testid=portal-link][href='/Portal']"));
        }
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, staffPage) = await district.GetAsync("/Projects");
        Assert.Equal("/", staffPage.QuerySelector("[data-testid=brand]")!.GetAttribute("href"));
        var (_, staffOnPublic) = await district.GetAsync("/Public/Projects");
        Assert.Equal("/Portal", staffOnPublic.QuerySelector("[data-testid=brand]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_poster_is_linked_from_the_community_home_and_the_portal_and_without_a_code_offers_a_picker()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, home) = await staff.GetAsync("/Home/Workbench");
        var posters = home.QuerySelectorAll("[data-testid=posters] a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal([$"/Portal/Poster?community={LiuLian}"], posters);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(posters[0]!)).Status);

        var visitor = Browser.For(app.Factory);
        var (_, portal) = await visitor.GetAsync("/Portal");
        Assert.Equal("/Portal/Poster", portal.QuerySelector("[data-testid=poster-link]")!.GetAttribute("href"));
        var (status, picker) = await visitor.GetAsync("/Portal/Poster");
        Assert.Equal(HttpStatusCode.OK, status);
        var choices = picker.QuerySelectorAll("[data-testid=poster-picker] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/Portal/Poster?community={LiuLian}", choices);
        Assert.True(choices.Count >= 20, $"{choices.Count} communities");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Portal/Poster?community=999")).Status);
    }

    [Fact]
    public async Task Public_projects_filter_by_community_and_keyword_and_keep_the_filter_when_paging()
    {
        var other = await Fixtures.QueryAsync(app.Factory, db => db.Regions
            .Where(r => r.Level == Weishi.Web.Features.Regions.RegionLevel.Community && r.Code != LiuLian).Select(r => r.Code).FirstAsync());
        var mine = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2093, 100_00, ProjectStatus.Publicity);
        var theirs = await TestData.CreateProjectAsync(app.Factory, other, 2093, 100_00, ProjectStatus.Publicity);
        var codes = await Fixtures.QueryAsync(app.Factory, db => db.Projects.Where(p => p.Id == mine || p.Id == theirs)
            .ToDictionaryAsync(p => p.Id, p => p.Code));
        var visitor = Browser.For(app.Factory);

        var (_, byCommunity) = await visitor.GetAsync($"/Public/Projects?community={LiuLian}&year=2093");
        var links = byCommunity.QuerySelectorAll("[data-testid=public-projects] tbody tr td a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/Public/Projects/Detail/{mine}", links);
        Assert.DoesNotContain($"/Public/Projects/Detail/{theirs}", links);
        var communities = byCommunity.QuerySelectorAll("[data-testid=public-projects] tbody tr").Select(r => r.Children[3].TextContent.Trim()).Distinct();
        Assert.Single(communities);
        Assert.NotNull(byCommunity.QuerySelector($"select[name=community] option[value='{LiuLian}'][selected]"));

        var (_, byKeyword) = await visitor.GetAsync($"/Public/Projects?q={Uri.EscapeDataString(codes[theirs])}");
        Assert.Equal([$"/Public/Projects/Detail/{theirs}"],
            byKeyword.QuerySelectorAll("[data-testid=public-projects] tbody tr td a").Select(a => a.GetAttribute("href")!));

        // All of 六联's public projects span more than one page: the next page keeps the community.
        var (_, allOfLiuLian) = await visitor.GetAsync($"/Public/Projects?community={LiuLian}");
        var next = allOfLiuLian.QuerySelectorAll("a").Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        Assert.Contains($"community={LiuLian}", next);
        var (_, page2) = await visitor.GetAsync("/Public/Projects" + next);
        Assert.Single(page2.QuerySelectorAll("[data-testid=public-projects] tbody tr").Select(r => r.Children[3].TextContent.Trim()).Distinct());
    }

    [Fact]
    public async Task Bad_filter_values_are_ignored()
    {
        var visitor = Browser.For(app.Factory);
        var (_, all) = await visitor.GetAsync("/Public/Projects");
        var total = all.QuerySelector("nav[aria-label=分页] span")!.TextContent;
        foreach (var query in new[] { "community=nope&year=abc", "community=%27%20OR%201%3D1--&q=%20%20", "q=&year=&page=-3" })
        {
            var (status, page) = await visitor.GetAsync("/Public/Projects?" + query);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(total, page.QuerySelector("nav[aria-label=分页] span")!.TextContent);
        }
        var (percentStatus, percent) = await visitor.GetAsync("/Public/Projects?q=%25");
        Assert.Equal(HttpStatusCode.OK, percentStatus);
        Assert.Empty(percent.QuerySelectorAll("[data-testid=public-projects] tbody tr"));
    }

    [Fact]
    public async Task On_a_phone_the_public_list_shows_only_name_community_and_budget_columns()
    {
        var (_, page) = await Browser.For(app.Factory).GetAsync("/Public/Projects");
        var headers = page.QuerySelectorAll("[data-testid=public-projects] thead th");
        var onPhone = headers.Where(th => !th.ClassList.Contains("d-none")).Select(th => th.TextContent).ToArray();
        Assert.Equal(["项目", "社区", "预算（万元）"], onPhone);
        var firstRow = page.QuerySelector("[data-testid=public-projects] tbody tr")!;
        Assert.Equal(headers.Length, firstRow.Children.Length);
        Assert.All(firstRow.Children.Zip(headers), pair => Assert.Equal(pair.Second.ClassList.Contains("d-none"), pair.First.ClassList.Contains("d-none")));
        Assert.NotNull(firstRow.QuerySelector(".d-md-none")); // year, type and status under the name instead
    }

    [Fact]
    public async Task Every_page_has_a_favicon()
    {
        var visitor = Browser.For(app.Factory);
        var ico = await visitor.Client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType!.MediaType);
        var (_, page) = await visitor.GetAsync("/Portal");
        foreach (var link in page.QuerySelectorAll("link[rel=icon]"))
            Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync(link.GetAttribute("href"))).StatusCode);
        Assert.NotNull(page.QuerySelector("link[rel=icon][href='/favicon.svg']"));
    }
}
