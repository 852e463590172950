using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

/// <summary>Each role reads and changes only its own scope; other scopes' rows answer 403/404 and leak nothing.</summary>
[Collection(DemoCollection.Name)]
public class ScopeTests(DemoApp app)
{
    private const string LiuLian = "440310001001";   // 六联社区, 坪山街道
    private const string LiuHe = "440310001002";     // 六和社区, 坪山街道
    private const string KengZi = "440310005001";    // 坑梓社区, 坑梓街道

    private async Task<(int Id, string Code, string Name)> DemoProjectAsync(string communityCode)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        return await db.Projects.Where(p => p.Region!.Code == communityCode && p.Year == 2023)
            .OrderBy(p => p.Id).Select(p => new ValueTuple<int, string, string>(p.Id, p.Code, p.Name)).FirstAsync();
    }

    [Fact]
    public async Task Community_staff_see_their_own_project_but_not_anothers()
    {
        var own = await DemoProjectAsync(LiuLian);
        var other = await DemoProjectAsync(LiuHe);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");

        var (ok, page) = await staff.GetAsync($"/Projects/Detail/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains(own.Name, page.QuerySelector("h1")!.TextContent);

        var (refused, body) = await staff.GetAsync($"/Projects/Detail/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, refused);
        Assert.DoesNotContain(other.Name, body.Body!.TextContent);

        var (_, list) = await staff.GetAsync("/Projects?q=" + Uri.EscapeDataString(other.Code));
        Assert.Empty(list.QuerySelectorAll("[data-testid=project-table] tbody tr"));
    }

    [Fact]
    public async Task Community_staff_cannot_change_another_communitys_project()
    {
        var other = await TestData.CreateProjectAsync(app.Factory, LiuHe, 2030, 10_000_00, ProjectStatus.Draft);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var own = await DemoProjectAsync(LiuLian);
        var response = await staff.SubmitAsync($"/Projects/Detail/{own.Id}", new() { ["to"] = nameof(ProjectStatus.Submitted) },
            postUrl: $"/Projects/Detail/{other}?handler=Move");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProjectStatus.Draft, await TestData.StatusAsync(app.Factory, other));
    }

    [Fact]
    public async Task Subdistrict_officers_see_their_communities_only()
    {
        var inside = await DemoProjectAsync(LiuHe);
        var outside = await DemoProjectAsync(KengZi);
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Projects/Detail/{inside.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Projects/Detail/{outside.Id}")).Status);

        var (_, budgets) = await officer.GetAsync("/Budgets?year=2023");
        var rows = budgets.QuerySelectorAll("[data-testid=budget-table] tbody tr").Select(r => r.GetAttribute("data-community")).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, code => Assert.StartsWith("440310001", code));
    }

    [Fact]
    public async Task Budgets_and_demands_of_other_communities_are_not_listed()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, budgets) = await staff.GetAsync("/Budgets?year=2022");
        Assert.Equal([LiuLian], budgets.QuerySelectorAll("[data-testid=budget-table] tbody tr").Select(r => r.GetAttribute("data-community")));
        var (_, demands) = await staff.GetAsync("/Demands");
        var communities = demands.QuerySelectorAll("[data-testid=demand-table] tbody tr td:nth-child(2)").Select(td => td.TextContent).Distinct().ToList();
        Assert.Equal(["六联社区"], communities);
    }

    [Fact]
    public async Task Contractors_see_only_their_own_projects()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var contractorId = await db.RoleAssignments.Where(a => a.User!.UserName == "contractor").Select(a => a.ContractorId).SingleAsync();
        var own = await db.Projects.FirstAsync(p => p.ContractorId == contractorId);
        var foreign = await db.Projects.FirstAsync(p => p.ContractorId != contractorId);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        Assert.Equal(HttpStatusCode.OK, (await contractor.GetAsync($"/Projects/Detail/{own.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await contractor.GetAsync($"/Projects/Detail/{foreign.Id}")).Status);
        // The home lists its own projects only, a page at a time (every year here): the count covers them all.
        var (_, home) = await contractor.GetAsync("/Home/Contractor?year=all");
        var expected = await db.Projects.CountAsync(p => p.ContractorId == contractorId);
        Assert.Contains($"共 {expected} 条", home.QuerySelector("nav[aria-label=分页]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync("/Budgets")).Status);
    }

    [Theory]
    [InlineData("resident", "/Projects")]
    [InlineData("resident", "/Statistics")]
    [InlineData("cs-ll", "/Admin/Users")]
    [InlineData("cs-ll", "/Audit")]
    [InlineData("finance", "/Admin/Users")]
    [InlineData("contractor", "/Statistics")]
    public async Task Pages_outside_a_role_answer_403(string user, string url)
    {
        var browser = await Browser.LoginAsync(app.Factory, user);
        var (status, page) = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("无权访问", page.Body!.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var response = await Browser.For(app.Factory).Client.GetAsync("/Projects");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_database_context_refuses_a_save_outside_the_scope()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, LiuLian);
        var otherProject = await TestData.CreateProjectAsync(app.Factory, LiuHe, 2030, 5_000_00, ProjectStatus.Draft);
        using var scope = app.Factory.Services.CreateScope();
        var staffScope = new UserScope("x", "cs-ll", false, false, [liuLian], null, new HashSet<AppRole> { AppRole.CommunityStaff });
        await using var db = app.Factory.CreateDbContext(scope, staffScope);
        Assert.Null(await db.Projects.FirstOrDefaultAsync(p => p.Id == otherProject));
        var tracked = await db.Projects.IgnoreQueryFilters().FirstAsync(p => p.Id == otherProject);
        tracked.Name = "越权修改";
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());

        var readOnly = new UserScope("y", "finance", true, false, [], null, new HashSet<AppRole> { AppRole.FinanceEvaluator });
        await using var db2 = app.Factory.CreateDbContext(scope, readOnly);
        var p2 = await db2.Projects.FirstAsync(p => p.Id == otherProject);
        p2.Name = "评价组不能改";
        await Assert.ThrowsAsync<ScopeViolationException>(() => db2.SaveChangesAsync());
    }
}
