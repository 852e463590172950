using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

/// <summary>Issue 10: a subdistrict reviewer opens a proposal that costs far more than its function's norm.</summary>
[Collection(LiveAppCollection.Name)]
public class CostBenchmarkJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task A_reviewer_sees_a_flagged_proposal_with_its_similar_projects_and_records_a_reason()
    {
        int id;
        using (var scope = App.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var regionId = await db.Regions.Where(r => r.Code == "440310001001").Select(r => r.Id).SingleAsync();
            var project = new Project
            {
                Code = "2096-T-LL-" + Guid.NewGuid().ToString("N")[..6], Year = 2096, Name = "六联长者智能手机培训班", RegionId = regionId,
                Type = ProjectType.Service, Category = ProjectCategory.Elderly, PlannedBeneficiaries = 20, PlannedSessions = 4,
                Status = ProjectStatus.SubdistrictReview, CreatedAtUtc = DateTime.UtcNow, StatusChangedAtUtc = DateTime.UtcNow,
            };
            var line = new BudgetLine { Item = "专业服务人员费", Unit = "人次", Quantity = 20, UnitPriceFen = 20_000_00 };
            line.Price();
            project.BudgetLines.Add(line);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            id = project.Id;
        }

        var page = await App.LoginAsync("sd-ps");
        await page.GotoAsync($"/Projects/Detail/{id}");
        Assert.Contains("成本异常", await page.GetByTestId("cost-flag").TextContentAsync());
        var similar = page.GetByTestId("similar-projects").Locator("tbody tr");
        Assert.True(await similar.CountAsync() > 0);
        Assert.Contains("长者智能手机培训班", await similar.First.TextContentAsync());
        Assert.Contains("专业服务人员费", await page.GetByTestId("cost-drivers").TextContentAsync());

        await page.GetByPlaceholder("说明为何同意该成本").FillAsync("上门一对一教学，受益人少而课时多");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "记录理由" }).ClickAsync();
        Assert.Contains("上门一对一教学", await page.GetByTestId("cost-reason").TextContentAsync());
    }
}
