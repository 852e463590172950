using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

[Collection(DemoCollection.Name)]
public class AuditTests(DemoApp app)
{
    private const string ShaHu = "440310003003"; // 沙湖社区

    [Fact]
    public async Task An_edit_is_recorded_with_who_when_and_before_after_and_the_auditor_reads_it()
    {
        await TestData.SetBudgetAsync(app.Factory, ShaHu, 2050, 30_0000_00);
        var regionId = await TestData.RegionIdAsync(app.Factory, ShaHu);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync("/Budgets?year=2050",
            new() { ["regionId"] = regionId.ToString(), ["year"] = "2050", ["districtFunds"] = "456789.12" }, "/Budgets?handler=Funds");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var budgetId = await db.AnnualBudgets.Where(b => b.RegionId == regionId && b.Year == 2050).Select(b => b.Id).SingleAsync();
        var entry = await db.AuditEntries.Where(a => a.Entity == "AnnualBudget" && a.EntityId == budgetId.ToString() && a.Action == "Modified")
            .OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("district", entry.UserName);
        Assert.Contains("\"DistrictFundsFen\":30000000", entry.Before);
        Assert.Contains("45678912", entry.After);
        Assert.True(DateTime.UtcNow - entry.AtUtc < TimeSpan.FromMinutes(5));

        var auditor = await Browser.LoginAsync(app.Factory, "auditor");
        var (status, page) = await auditor.GetAsync($"/Audit?entity=AnnualBudget&entityId={budgetId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("456,789.12 元", page.QuerySelector("[data-testid=audit-table]")!.TextContent);   // 分 shown as 元
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        entry.UserName = "someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_database_itself_refuses_to_change_or_delete_an_audit_row()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        db.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow, UserName = "trigger-test", Entity = "Project", EntityId = "trigger-test", Action = "Modified" });
        await db.SaveChangesAsync();
        var id = await db.AuditEntries.Where(a => a.EntityId == "trigger-test").Select(a => a.Id).SingleAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'someone else' WHERE \"Id\" = {0}", id));
        Assert.Contains("审计日志只能追加", update.Message);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", id));
        Assert.Contains("审计日志只能追加", delete.Message);
        // The bulk operations of EF Core are refused the same way.
        await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(a => a.Id == id).ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "x")));

        var kept = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal("trigger-test", kept.UserName);
    }
}
