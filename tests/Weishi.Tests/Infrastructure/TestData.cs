using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Infrastructure;

/// <summary>Rows that tests add next to the demo, in far-future years so the report's totals stay untouched.</summary>
public static class TestData
{
    private static int _sequence;

    public static async Task<int> RegionIdAsync(WeishiAppFactory factory, string code)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    public static async Task SetBudgetAsync(WeishiAppFactory factory, string communityCode, int year, long districtFundsFen)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var regionId = await db.Regions.Where(r => r.Code == communityCode).Select(r => r.Id).SingleAsync();
        var budget = await db.AnnualBudgets.FirstOrDefaultAsync(b => b.RegionId == regionId && b.Year == year);
        if (budget is null) db.AnnualBudgets.Add(new AnnualBudget { RegionId = regionId, Year = year, DistrictFundsFen = districtFundsFen });
        else budget.DistrictFundsFen = districtFundsFen;
        await db.SaveChangesAsync();
    }

    public static async Task<int> CreateProjectAsync(WeishiAppFactory factory, string communityCode, int year, long budgetFen,
        ProjectStatus status = ProjectStatus.SubdistrictReview)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var region = await db.Regions.SingleAsync(r => r.Code == communityCode);
        var n = Interlocked.Increment(ref _sequence);
        var project = new Project
        {
            Code = $"{year}-T-{region.Abbr}-{n:0000}-{Guid.NewGuid().ToString("N")[..6]}",
            Year = year,
            Name = $"测试项目{n}",
            Type = ProjectType.Service,
            Category = ProjectCategory.Elderly,
            RegionId = region.Id,
            Status = status,
            CreatedAtUtc = DateTime.UtcNow,
            StatusChangedAtUtc = DateTime.UtcNow,
        };
        project.BudgetLines.Add(new BudgetLine { Item = "服务费", Unit = "项", Quantity = 1, UnitPriceFen = budgetFen, AmountFen = budgetFen });
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    public static async Task<ProjectStatus> StatusAsync(WeishiAppFactory factory, int projectId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        return await db.Projects.Where(p => p.Id == projectId).Select(p => p.Status).SingleAsync();
    }
}
