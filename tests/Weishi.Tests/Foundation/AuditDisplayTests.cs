using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Tests.Foundation;

/// <summary>The audit log as an auditor reads it: Chinese names, 元, local times, no ciphertext, people by name.</summary>
[Collection(DemoCollection.Name)]
public class AuditDisplayTests(DemoApp app)
{
    private const string LiuLian = "440310001001"; // 六联社区

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> AuditPageAsync(string query)
    {
        var auditor = await Browser.LoginAsync(app.Factory, "auditor");
        var (status, page) = await auditor.GetAsync("/Audit?" + query);
        Assert.Equal(HttpStatusCode.OK, status);
        return page;
    }

    [Fact]
    public async Task A_project_status_and_amount_change_reads_with_Chinese_status_names_yuan_and_local_time()
    {
        var projectId = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2066, 1_234_56, ProjectStatus.SubdistrictReview);
        int lineId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();   // the application itself: 系统
            var project = await db.Projects.Include(p => p.BudgetLines).SingleAsync(p => p.Id == projectId);
            project.Status = ProjectStatus.Publicity;
            project.StatusChangedAtUtc = new DateTime(2066, 3, 1, 2, 30, 0, DateTimeKind.Utc);
            var line = project.BudgetLines.Single();
            line.AmountFen = 2_345_67;
            line.UnitPriceFen = 2_345_67;
            lineId = line.Id;
            await db.SaveChangesAsync();
        }

        var page = await AuditPageAsync($"entity=Project&entityId={projectId}");
        var modified = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").First(r => r.TextContent.Contains("修改"));
        var changes = modified.QuerySelector("[data-testid=audit-changes]")!.TextContent;
        Assert.Contains("状态：街道审核 → 公示中", changes);
        Assert.Contains("状态变更时间：", changes);
        Assert.Contains("→ 2066-03-01 10:30", changes);            // 02:30 UTC is 10:30 in Beijing
        Assert.DoesNotContain("\"Status\"", changes);
        Assert.Equal("项目", modified.QuerySelector("[data-testid=audit-entity]")!.TextContent.Trim());
        Assert.Equal("系统", modified.QuerySelector("[data-testid=audit-actor]")!.TextContent.Trim());

        // The stored row is unchanged: code names and numbers.
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var stored = await db.AuditEntries.Where(a => a.Entity == "Project" && a.EntityId == projectId.ToString() && a.Action == "Modified").SingleAsync();
            Assert.Contains($"\"Status\":{(int)ProjectStatus.Publicity}", stored.After);
            Assert.Equal("system", stored.UserName);
        }

        var linePage = await AuditPageAsync($"entity=BudgetLine&entityId={lineId}");
        var lineRow = linePage.QuerySelectorAll("[data-testid=audit-table] tbody tr").First(r => r.TextContent.Contains("修改"));
        var lineChanges = lineRow.QuerySelector("[data-testid=audit-changes]")!.TextContent;
        Assert.Contains("金额：1,234.56 元 → 2,345.67 元", lineChanges);
        Assert.Contains("单价：1,234.56 元 → 2,345.67 元", lineChanges);
        Assert.Equal("预算明细", lineRow.QuerySelector("[data-testid=audit-entity]")!.TextContent.Trim());
        Assert.Contains(linePage.QuerySelectorAll("select[name=entity] option"), o => o.GetAttribute("value") == "BudgetLine" && o.TextContent == "预算明细");
    }

    [Fact]
    public async Task An_encrypted_phone_never_shows_its_ciphertext_in_the_log()
    {
        int demandId;
        string first, second;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var personal = scope.ServiceProvider.GetRequiredService<PersonalData>();
            first = personal.EncryptPhone("13800138000");
            second = personal.EncryptPhone("13900139000");
            var demand = new Demand
            {
                Text = "审计显示测试：楼道灯不亮", Channel = DemandChannel.Phone, RegionId = await TestData.RegionIdAsync(app.Factory, LiuLian),
                SubmittedAtUtc = DateTime.UtcNow, Status = DemandStatus.Pending, ContactPhoneEncrypted = first, ContactPhoneMasked = "138****8000",
            };
            db.Demands.Add(demand);
            await db.SaveChangesAsync();
            demand.ContactPhoneEncrypted = second;
            demand.ContactPhoneMasked = "139****9000";
            demand.Status = DemandStatus.Accepted;
            await db.SaveChangesAsync();
            demandId = demand.Id;
        }

        var page = await AuditPageAsync($"entity=Demand&entityId={demandId}");
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(first, html);
        Assert.DoesNotContain(second, html);
        var table = page.QuerySelector("[data-testid=audit-table]")!.TextContent;
        Assert.Contains("联系电话：（已加密） → （已加密）", table);    // the change is visible, its content is not
        Assert.Contains("联系电话：（已加密）", table);
        Assert.Contains("状态：待处理 → 已受理", table);
        Assert.Contains("渠道：电话", table);
    }

    [Fact]
    public void Every_audited_entity_type_has_a_Chinese_name()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var audited = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IAudited).IsAssignableFrom(t)).Distinct().ToList();
        Assert.NotEmpty(audited);
        var missing = audited.Where(t => !AuditNames.HasEntity(t.Name)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "审计对象缺少中文名称（加到 AuditNames）：" + string.Join("、", missing));
    }

    [Fact]
    public void Every_enum_field_of_an_audited_entity_shows_Chinese_names()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var missing = db.Model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetProperties().Select(p => (Entity: t.ClrType.Name, Property: p.Name, Type: Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)))
            .Where(p => p.Type.IsEnum && !AuditChanges.HasEnumName(p.Type))
            .Select(p => $"{p.Entity}.{p.Property}（{p.Type.Name}）").Distinct().ToList();
        Assert.True(missing.Count == 0, "审计显示缺少枚举的中文名称（加到 AuditChanges）：" + string.Join("、", missing));
    }

    [Fact]
    public async Task The_log_shows_who_by_display_name_keeps_the_login_and_finds_by_either()
    {
        await TestData.SetBudgetAsync(app.Factory, "440310003003", 2067, 10_000_00);
        var regionId = await TestData.RegionIdAsync(app.Factory, "440310003003");
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync("/Budgets?year=2067",
            new() { ["regionId"] = regionId.ToString(), ["year"] = "2067", ["districtFunds"] = "20000" }, "/Budgets?handler=Funds");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        int budgetId;
        using (var scope = app.Factory.Services.CreateScope())
            budgetId = await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().AnnualBudgets
                .Where(b => b.RegionId == regionId && b.Year == 2067).Select(b => b.Id).SingleAsync();

        foreach (var actor in new[] { "王主任", "district" })
        {
            var page = await AuditPageAsync($"entity=AnnualBudget&entityId={budgetId}&actor={Uri.EscapeDataString(actor)}");
            var row = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").First(r => r.TextContent.Contains("修改"));
            var who = row.QuerySelector("[data-testid=audit-actor] span")!;
            Assert.Equal("区民政局 王主任", who.TextContent);
            Assert.Contains("district", who.GetAttribute("title"));
            Assert.Contains("区级资金：10,000.00 元 → 20,000.00 元", row.TextContent);
        }
    }
}
