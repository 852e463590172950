using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>
/// 开始实施 needs the subdistrict's written opinion and 已验收 an acceptance record: the project page leads to the page
/// where each is given instead of a button that could only fail (or, for 验收, skip the acceptance altogether).
/// </summary>
[Collection(DemoCollection.Name)]
public class StepsTakenOnTheirPageTests(DemoApp app)
{
    [Fact]
    public async Task A_completed_project_is_accepted_only_through_an_acceptance_record()
    {
        var id = await DeliveryData.ProjectAsync(app.Factory, 2114, status: ProjectStatus.Completed, community: Fixtures.LiuLian);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2114);
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");

        var (_, page) = await officer.GetAsync($"/Projects/Detail/{id}");
        var link = page.QuerySelector("[data-testid=step-page]");
        Assert.NotNull(link);
        Assert.Equal("验收通过", link.TextContent);
        Assert.Equal($"/Acceptance/Record/{id}", link.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form[action*='handler=Move'] input[name=to][value=Accepted]"));

        // The bare step, as the old button posted it, is refused with where to go, for the district too.
        foreach (var who in new[] { officer, await Browser.LoginAsync(app.Factory, "district") })
        {
            var bare = await who.SubmitAsync($"/Projects/Detail/{id}", new() { ["to"] = nameof(ProjectStatus.Accepted) }, postUrl: $"/Projects/Detail/{id}?handler=Move");
            Assert.Contains("组织验收", (await who.ReadAsync(bare)).QuerySelector("[data-testid=error]")!.TextContent);
            Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, id));
        }

        // A failed acceptance is recorded and the project stays 已完工; a passing one makes it 已验收.
        var fields = new Dictionary<string, string> { ["AcceptedOn"] = "2114-12-01", ["Committee"] = "街道、社区、居民代表", ["Result"] = nameof(AcceptanceResult.Failed) };
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Acceptance/Record/{id}", fields)).StatusCode);
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, id));
        fields["Result"] = nameof(AcceptanceResult.Passed);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Acceptance/Record/{id}", fields)).StatusCode);
        Assert.Equal(ProjectStatus.Accepted, await TestData.StatusAsync(app.Factory, id));
        var results = await Fixtures.QueryAsync(app.Factory, db => db.AcceptanceRecords.Where(r => r.ProjectId == id).OrderBy(r => r.Id).Select(r => r.Result).ToListAsync());
        Assert.Equal([AcceptanceResult.Failed, AcceptanceResult.Passed], results);
    }

    [Fact]
    public async Task A_project_in_publicity_links_to_the_approval_page_to_start_delivery()
    {
        var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2114, 1_000_00, ProjectStatus.Publicity);
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        var (_, page) = await officer.GetAsync($"/Projects/Detail/{id}");
        var link = page.QuerySelector("[data-testid=step-page]");
        Assert.NotNull(link);
        Assert.Equal("公示期满，开始实施", link.TextContent);
        Assert.Equal($"/Publicity/Project/{id}", link.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form[action*='handler=Move'] input[name=to][value=InProgress]"));
        // The other step of the state stays a button.
        Assert.NotNull(page.QuerySelector("form[action*='handler=Move'] input[name=to][value=Rejected]"));
    }
}
