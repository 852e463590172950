using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Contractors;

/// <summary>同类比较: staff compare every contractor; a contractor sees its own figures against anonymous peer quartiles.</summary>
[Collection(DemoCollection.Name)]
public class CompareScopeTests(DemoApp app)
{
    [Fact]
    public async Task A_contractor_sees_its_own_figures_and_no_other_contractor()
    {
        var own = await Fixtures.QueryAsync(app.Factory, db => db.RoleAssignments.Where(a => a.User!.UserName == "contractor").Select(a => a.ContractorId!.Value).SingleAsync());
        var category = await Fixtures.QueryAsync(app.Factory, db => db.Projects.IgnoreQueryFilters()
            .Where(p => p.ContractorId == own && (p.Status == ProjectStatus.Completed || p.Status == ProjectStatus.Accepted))
            .Select(p => p.Category).FirstAsync());
        var names = await Fixtures.QueryAsync(app.Factory, db => db.Contractors.IgnoreQueryFilters().Select(c => new { c.Id, c.Name }).ToListAsync());
        var ownName = names.Single(n => n.Id == own).Name;
        var others = names.Where(n => n.Id != own && !ownName.Contains(n.Name, StringComparison.Ordinal)).ToList();
        var url = $"/Contractors/Compare?category={category}";

        // Staff still see the full comparison, names included.
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, full) = await district.GetAsync(url);
        var staffRows = full.QuerySelectorAll("[data-testid=compare-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(staffRows.Count >= CompareModel.MinPeers + 1);
        Assert.Contains(staffRows, r => r.Contains(ownName, StringComparison.Ordinal));
        Assert.Contains(staffRows, r => others.Any(o => r.Contains(o.Name, StringComparison.Ordinal)));

        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var (status, page) = await contractor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var html = page.DocumentElement.OuterHtml;
        Assert.Empty(others.Where(o => html.Contains(o.Name, StringComparison.Ordinal)).Select(o => o.Name));
        Assert.Empty(others.Where(o => html.Contains($"/Contractors/Detail/{o.Id}\"", StringComparison.Ordinal)).Select(o => o.Name));
        Assert.Null(page.QuerySelector("[data-testid=compare-table]"));
        Assert.NotNull(page.QuerySelector("[data-testid=own-row]"));
        var peers = page.QuerySelectorAll("[data-testid=peer-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(peers, r => r.Contains("平均考核得分", StringComparison.Ordinal));
    }

    [Fact]
    public void Quartiles_interpolate_between_ranks()
    {
        decimal[] values = [1m, 2m, 3m, 4m, 5m];
        Assert.Equal(2m, CompareModel.Quantile(values, 0.25m));
        Assert.Equal(3m, CompareModel.Quantile(values, 0.5m));
        Assert.Equal(2.5m, CompareModel.Quantile([1m, 2m, 3m, 4m], 0.5m));
    }
}
