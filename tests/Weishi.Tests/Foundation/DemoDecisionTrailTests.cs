using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Demo;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

/// <summary>The demo's projects, seeded in their final status, carry the 办理记录 that status implies.</summary>
[Collection(DemoCollection.Name)]
public class DemoDecisionTrailTests(DemoApp app)
{
    [Fact]
    public async Task Every_report_year_project_has_the_steps_of_its_status_by_the_accounts_whose_role_takes_them()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var years = DemoYear.FromReport.Select(y => y.Year).ToList();
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => years.Contains(p.Year))
            .Select(p => new { p.Id, p.Code, p.RegionId, ParentId = p.Region!.ParentId, p.Status, p.CreatedAtUtc, p.StatusChangedAtUtc }).ToListAsync();
        var decisions = (await db.ProjectDecisions.IgnoreQueryFilters().AsNoTracking().Where(d => years.Contains(d.Project!.Year)).ToListAsync())
            .ToLookup(d => d.ProjectId);
        var roles = (await db.RoleAssignments.AsNoTracking().Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.UserName, a.Role, a.RegionId }).ToListAsync())
            .ToDictionary(a => a.UserName!);
        Assert.Contains(projects, p => p.Status == ProjectStatus.Rejected);

        foreach (var p in projects)
        {
            var trail = decisions[p.Id].OrderBy(d => d.Id).ToList();
            Assert.True(trail.Count > 0, $"{p.Code} 没有办理记录");
            Assert.Equal(ProjectStatus.Draft, trail[0].From);
            Assert.Equal(p.Status, trail[^1].To);
            Assert.Equal(p.StatusChangedAtUtc, trail[^1].AtUtc);
            var at = p.CreatedAtUtc;
            for (var i = 0; i < trail.Count; i++)
            {
                var d = trail[i];
                if (i > 0) Assert.Equal(trail[i - 1].To, d.From);
                var step = ProjectWorkflow.Find(d.From, d.To);
                Assert.True(step is not null, $"{p.Code}：{d.Verb} 不是流程中的步骤");
                Assert.True(d.AtUtc > at, $"{p.Code}：{d.Verb} 的时间 {d.AtUtc:u} 早于上一步 {at:u}");
                at = d.AtUtc;
                var (role, regionId) = (roles[d.DecidedBy].Role, roles[d.DecidedBy].RegionId);
                Assert.Contains(role, step.Roles);
                Assert.Equal(role == AppRole.CommunityStaff ? p.RegionId : p.ParentId, regionId);
                Assert.Equal(step.Reason == StepReason.Required, d.Reason is not null);
                if (d.To == ProjectStatus.Rejected) Assert.Contains(d.Reason, DemoDecisionBuilder.RejectionReasons);
            }
        }
    }

    [Fact]
    public async Task A_demo_project_page_shows_its_record_and_the_approval_opinion()
    {
        var id = await Fixtures.QueryAsync(app.Factory, db => db.Projects.IgnoreQueryFilters()
            .Where(p => p.Year == 2023 && p.Status == ProjectStatus.Accepted && p.Region!.Code == DemoCurrentYearBuilder.LaggingCommunity)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, page) = await staff.GetAsync($"/Projects/Detail/{id}");
        var record = page.QuerySelector("[data-testid=decisions]")!.TextContent;
        foreach (var verb in new[] { "申报", "提交社区评议", "报街道审核", "审核通过并公示", "公示期满，开始实施", "完工", "验收通过" })
            Assert.Contains(verb, record);
        Assert.Contains("六联社区工作人员", record);
        Assert.Contains("坪山街道工作人员", record);
        Assert.Contains("审批意见：", record);
        Assert.Contains("街道审批通过：", page.QuerySelector("[data-testid=timeline]")!.TextContent);
    }
}
