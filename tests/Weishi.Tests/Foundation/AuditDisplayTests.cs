using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Evaluation;
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
    public async Task An_activity_sign_in_code_never_shows_in_the_log()
    {
        var projectId = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2066, 10_000_00, ProjectStatus.InProgress);
        var token = Guid.NewGuid().ToString("N");
        int sessionId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var session = new Weishi.Web.Features.Delivery.ActivitySession
            {
                ProjectId = projectId, HeldOn = new DateOnly(2066, 5, 1), StartsAtUtc = new DateTime(2066, 5, 1, 1, 0, 0, DateTimeKind.Utc),
                EndsAtUtc = new DateTime(2066, 5, 1, 3, 0, 0, DateTimeKind.Utc), Place = "审计显示测试：社区广场", Content = "审计显示测试：义诊",
                Staff = "张三", SignInToken = token, CreatedAtUtc = DateTime.UtcNow,
            };
            db.ActivitySessions.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
        }

        var page = await AuditPageAsync($"entity=ActivitySession&entityId={sessionId}");
        Assert.DoesNotContain(token, page.DocumentElement.OuterHtml);
        var table = page.QuerySelector("[data-testid=audit-table]")!.TextContent;
        Assert.Contains("签到码：" + AuditChanges.HiddenToken, table);
        Assert.Contains("审计显示测试：义诊", table);    // the rest of the session reads as before
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

    /// <summary>Every field the log records for an audited type, as <see cref="AuditRecorder"/> records it (all properties, shadow and foreign keys included).</summary>
    private List<(string Entity, string Field)> RecordedFields()
    {
        using var scope = app.Factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Model;
        var fields = model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetProperties().Select(p => (t.ClrType.Name, p.Name))).Distinct().ToList();
        Assert.Contains(("IndicatorNode", "TreeId"), fields);
        return fields;
    }

    [Fact]
    public void Every_audited_field_has_a_Chinese_name()
    {
        var missing = RecordedFields().Where(f => !AuditNames.HasField(f.Entity, f.Field)).Select(f => $"{f.Entity}.{f.Field}").ToList();
        Assert.True(missing.Count == 0, "审计字段缺少中文名称（加到 AuditNames 的共用或按对象的字段名）：" + string.Join("、", missing));
    }

    [Fact]
    public void Every_audited_field_name_is_Chinese_and_tells_the_fields_of_its_entity_apart()
    {
        var fields = RecordedFields();
        var notChinese = fields.Where(f => !AuditNames.Field(f.Entity, f.Field).Any(IsCjk))
            .Select(f => $"{f.Entity}.{f.Field}（{AuditNames.Field(f.Entity, f.Field)}）").ToList();
        Assert.True(notChinese.Count == 0, "审计字段名称没有中文：" + string.Join("、", notChinese));

        var shared = fields.GroupBy(f => (f.Entity, Name: AuditNames.Field(f.Entity, f.Field))).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Entity}：{string.Join("、", g.Select(f => f.Field))} 都叫「{g.Key.Name}」").ToList();
        Assert.True(shared.Count == 0, "同一对象的不同字段用了相同的中文名称：" + string.Join("；", shared));
    }

    [Fact]
    public void Every_per_entity_field_name_names_a_recorded_field()
    {
        var fields = RecordedFields().ToHashSet();
        var stale = AuditNames.EntitySpecificFields.Where(f => !fields.Contains(f)).Select(f => $"{f.Entity}.{f.Field}").ToList();
        Assert.True(stale.Count == 0, "AuditNames 中按对象的字段名没有对应的审计字段：" + string.Join("、", stale));
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    [Fact]
    public async Task An_indicator_change_reads_with_the_indicator_form_names_and_no_code_names()
    {
        int treeId, nodeId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var version = await db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme).MaxAsync(t => t.Version) + 1;
            var tree = new IndicatorTree { Name = "审计显示测试指标体系", Kind = TreeKind.Programme, Version = version, CreatedAtUtc = DateTime.UnixEpoch };
            var node = new IndicatorNode
            {
                Tree = tree, Code = "A1", Level = 1, Position = 1, Name = "项目完成率", Weight = 10, Method = ScoringMethod.Proportional, Target = 80,
            };
            db.AddRange(tree, node);
            await db.SaveChangesAsync();
            node.Target = 90;
            node.Position = 2;
            node.Method = ScoringMethod.Expert;
            node.Rule = "按完成情况评分";
            await db.SaveChangesAsync();
            (treeId, nodeId) = (tree.Id, node.Id);
            db.RemoveRange(node, tree);   // the newest tree version is what evaluations use: leave the demo's in place
            await db.SaveChangesAsync();
        }

        var page = await AuditPageAsync($"entity=IndicatorNode&entityId={nodeId}");
        var rows = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").ToList();
        var modified = rows.First(r => r.TextContent.Contains("修改")).QuerySelector("[data-testid=audit-changes]")!.TextContent;
        Assert.Contains("目标值：80 → 90", modified);
        Assert.Contains("排列顺序：1 → 2", modified);
        Assert.Contains("计分方法：", modified);
        Assert.Contains("专家评分规则：（空） → 按完成情况评分", modified);
        var added = rows.First(r => r.TextContent.Contains("新增")).QuerySelector("[data-testid=audit-changes]")!.TextContent;
        foreach (var name in new[] { "编号：", "指标编号：A1", "上级指标编号：（空）", "指标层级：1", "名称：项目完成率", "权重：10", "数据指标：（空）", "区间计分：否", "区间：（空）", $"评价指标体系编号：{treeId}" })
            Assert.Contains(name, added);
        using var scope2 = app.Factory.Services.CreateScope();
        var codeNames = scope2.ServiceProvider.GetRequiredService<WeishiDbContext>().Model.FindEntityType(typeof(IndicatorNode))!.GetProperties().Select(p => p.Name);
        foreach (var code in codeNames)
            Assert.DoesNotContain(code + "：", page.QuerySelector("[data-testid=audit-table]")!.TextContent);
    }

    [Fact]
    public void A_too_long_text_is_named_by_its_entity_own_field_name()
    {
        Assert.Equal("「评价指标的专家评分规则」过长，最多 2000 个字（现为 2001 个字），未保存",
            new TextTooLongException(nameof(IndicatorNode), nameof(IndicatorNode.Rule), 2000, 2001).Message);
        Assert.Equal("「承接单位人员的职称/岗位」过长，最多 60 个字（现为 61 个字），未保存",
            new TextTooLongException("ContractorStaff", "Title", 60, 61).Message);
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
