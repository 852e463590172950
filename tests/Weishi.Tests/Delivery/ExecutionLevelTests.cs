using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Xunit;

namespace Weishi.Tests.Delivery;

/// <summary>The execution page lists the level below the viewer's scope, named as that level: subdistricts, communities, the community itself.</summary>
[Collection(DemoCollection.Name)]
public class ExecutionLevelTests(DemoApp app)
{
    private const string BiLing = "440310003";   // 碧岭街道, the subdistrict of 汤坑 (sd-bl)

    private async Task<(int Id, string Name, string ShortName)> RegionAsync(string code)
    {
        using var scope = app.Factory.Services.CreateScope();
        var r = await DeliveryData.Db(scope).Regions.SingleAsync(x => x.Code == code);
        return (r.Id, r.Name, r.ShortName);
    }

    [Fact]
    public async Task Community_staff_see_their_community_and_a_subdistrict_officer_the_communities_of_the_subdistrict()
    {
        const int year = 2058;
        await DeliveryData.ProjectAsync(app.Factory, year, budgetFen: 50_000_00, plannedSessions: 8, plannedBeneficiaries: 40);
        // A cross-community project, charged to the subdistrict itself.
        await DeliveryData.ProjectAsync(app.Factory, year, budgetFen: 30_000_00, plannedSessions: 2, plannedBeneficiaries: 20, community: BiLing);
        var tangKeng = await RegionAsync(DeliveryData.TangKeng);
        var biLing = await RegionAsync(BiLing);

        // Community staff: one row, their community, under the column 社区 — not the subdistrict's name.
        var (_, own) = await (await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser)).GetAsync($"/Delivery/Execution?year={year}");
        var names = own.QuerySelectorAll("[data-testid=execution] tbody [data-testid=name]").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([tangKeng.ShortName], names);
        Assert.Equal("社区", own.QuerySelector("[data-testid=execution] thead th")!.TextContent.Trim());
        Assert.Contains(tangKeng.ShortName, own.QuerySelector("[data-testid=heading]")!.TextContent);
        Assert.DoesNotContain(biLing.Name, own.QuerySelector("[data-testid=execution]")!.TextContent + own.QuerySelector("[data-testid=heading]")!.TextContent);
        Assert.Equal("1", own.QuerySelector($"[data-testid=execution] tr[data-region='{tangKeng.Id}'] [data-testid=projects]")!.TextContent);
        Assert.Contains("0 / 8", own.QuerySelector("[data-testid=total]")!.TextContent);

        // Subdistrict officer: the communities of 碧岭街道 (and the subdistrict's own cross-community projects), no subdistrict rows.
        var (_, sub) = await (await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser)).GetAsync($"/Delivery/Execution?year={year}");
        Assert.Equal("社区", sub.QuerySelector("[data-testid=execution] thead th")!.TextContent.Trim());
        Assert.Contains($"{biLing.Name}各社区", sub.QuerySelector("[data-testid=heading]")!.TextContent);
        var tkRow = sub.QuerySelector($"[data-testid=execution] tr[data-region='{tangKeng.Id}']")!;
        Assert.Equal(tangKeng.ShortName, tkRow.QuerySelector("[data-testid=name]")!.TextContent.Trim());
        var communityCount = await Fixtures.QueryAsync(app.Factory, db => db.Regions.CountAsync(r => r.ParentId == biLing.Id));
        Assert.Equal(communityCount + 1, sub.QuerySelectorAll("[data-testid=execution] tbody tr").Length);
        Assert.Contains("跨社区项目", sub.QuerySelector($"[data-testid=execution] tr[data-region='{biLing.Id}'] [data-testid=name]")!.TextContent);
        Assert.Contains("0 / 10", sub.QuerySelector("[data-testid=total]")!.TextContent);   // 8 + 2 planned sessions

        // The district: one row per subdistrict, counting the subdistrict's own projects too.
        var (_, district) = await (await Browser.LoginAsync(app.Factory, "district")).GetAsync($"/Delivery/Execution?year={year}");
        Assert.Equal("街道", district.QuerySelector("[data-testid=execution] thead th")!.TextContent.Trim());
        Assert.Equal("2", district.QuerySelector($"[data-testid=execution] tr[data-region='{biLing.Id}'] [data-testid=projects]")!.TextContent);
    }

    [Fact]
    public async Task A_contractor_is_refused_the_execution_page_which_counts_by_region()
    {
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await contractor.GetAsync("/Delivery/Execution")).Status);
        // Its own projects' delivery pages stay open to it.
        var contractorId = await DeliveryData.ContractorIdAsync(app.Factory);
        int project;
        using (var scope = app.Factory.Services.CreateScope())
            project = await DeliveryData.Db(scope).Projects.Where(p => p.ContractorId == contractorId).Select(p => p.Id).FirstAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await contractor.GetAsync($"/Delivery/{project}")).Status);
    }
}
