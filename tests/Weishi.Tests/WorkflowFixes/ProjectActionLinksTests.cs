using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Demo;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>The project page offers 复制为下一年度申报 only to those the proposal form lets in.</summary>
[Collection(DemoCollection.Name)]
public class ProjectActionLinksTests(DemoApp app)
{
    [Fact]
    public async Task Finance_auditors_and_contractors_see_no_copy_link_and_community_staff_do()
    {
        // A project the demo contractor carries out, so every role can open its page.
        var (id, abbr) = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var contractorId = await db.RoleAssignments.Where(a => a.User!.UserName == "contractor").Select(a => a.ContractorId).SingleAsync();
            var p = await db.Projects.IgnoreQueryFilters().Where(p => p.ContractorId == contractorId).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Region!.Abbr }).FirstAsync();
            return (p.Id, p.Abbr);
        });
        foreach (var user in new[] { "finance", "auditor", "contractor" })
        {
            var browser = await Browser.LoginAsync(app.Factory, user);
            var (status, page) = await browser.GetAsync($"/Projects/Detail/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(page.QuerySelector("[data-testid=targets]"));
            Assert.Empty(page.QuerySelectorAll("a[href*='/Proposals/Create']"));
            Assert.DoesNotContain("复制为下一年度申报", page.Body!.TextContent);
            // Where the link would have led.
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/Proposals/Create?copyFrom={id}")).Status);
        }

        var staff = await Browser.LoginAsync(app.Factory, DemoAccounts.CommunityUser(abbr));
        var (_, own) = await staff.GetAsync($"/Projects/Detail/{id}");
        var link = own.QuerySelector("[data-testid=copy-proposal]");
        Assert.NotNull(link);
        Assert.Equal("复制为下一年度申报", link.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(link.GetAttribute("href")!)).Status);
    }
}
