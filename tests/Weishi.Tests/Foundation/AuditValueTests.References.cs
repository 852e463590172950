using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Contractors;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Evaluation;

namespace Weishi.Tests.Foundation;

/// <summary>Ids of other records read by their names; technical file fields humanised or left out.</summary>
public partial class AuditValueTests
{
    [Fact]
    public async Task A_need_names_its_community_and_its_recorder_by_name_not_by_id_or_account_guid()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, LiuLian);
        var (id, userId) = await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "district");
            var demand = new Demand
            {
                Text = "审计显示测试：希望增设长椅", Channel = DemandChannel.Visit, RegionId = regionId, SubmittedAtUtc = DateTime.UnixEpoch,
                Status = DemandStatus.Accepted, RecordedByUserId = user.Id, PhotoPath = "demands/3f2a9c.jpg",
            };
            db.Add(demand);
            await db.SaveChangesAsync();
            db.Remove(demand);   // other tests count the community's needs
            await db.SaveChangesAsync();
            return (demand.Id, user.Id);
        });

        var auditor = await Browser.LoginAsync(app.Factory, "auditor");
        var (_, page) = await auditor.GetAsync($"/Audit?entity={nameof(Demand)}&entityId={id}");
        var added = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").First(r => r.TextContent.Contains("新增"))
            .QuerySelector("[data-testid=audit-changes]")!;
        Assert.Contains("区域：六联", added.TextContent);
        Assert.Contains("录入人账号：区民政局 王主任", added.TextContent);
        Assert.Contains(added.QuerySelectorAll("span[data-login]"), s => s.GetAttribute("data-login") == "district" && s.GetAttribute("title") == "登录名：district");
        Assert.Contains("照片：已上传照片", added.TextContent);
        Assert.DoesNotContain(userId, added.TextContent);
        Assert.DoesNotContain("3f2a9c", added.TextContent);
        Assert.DoesNotContain("区域编号", added.TextContent);
    }

    [Fact]
    public async Task An_evaluation_lists_its_projects_by_name_not_as_an_id_list()
    {
        var (id, projects) = await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var chosen = await db.Projects.OrderBy(p => p.Id).Take(2).Select(p => new { p.Id, p.Name, p.Code }).ToListAsync();
            var evaluation = new PerformanceEvaluation
            {
                Title = "审计显示测试：项目评价", TreeId = await db.Set<IndicatorTree>().Select(t => t.Id).FirstAsync(),
                ScopeKind = EvaluationScopeKind.ProjectSet, ProjectIds = PerformanceEvaluation.Join(chosen.Select(p => p.Id)),
                FromYear = 2023, ToYear = 2023, CreatedAtUtc = DateTime.UnixEpoch,
            };
            db.Add(evaluation);
            await db.SaveChangesAsync();
            db.Remove(evaluation);   // evaluation lists elsewhere count the demo's
            await db.SaveChangesAsync();
            return (evaluation.Id, chosen.Select(p => $"{p.Name}（{p.Code}）").ToList());
        });

        var changes = await ChangesAsync(nameof(PerformanceEvaluation), id, "新增");
        Assert.Contains("评价项目：" + string.Join("、", projects), changes);
        Assert.DoesNotContain("评价项目编号", changes);
    }

    [Fact]
    public async Task An_uploaded_document_shows_its_kind_and_original_name_not_its_stored_name()
    {
        var id = await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var document = new ApplicationDocument
            {
                ApplicationId = await db.AdmissionApplications.Select(a => a.Id).FirstAsync(), FileName = "登记证书.pdf",
                StoredName = "admission/9b1c7e.pdf", ContentType = "application/pdf", SizeBytes = 2048, UploadedAtUtc = DateTime.UnixEpoch,
            };
            db.Add(document);
            await db.SaveChangesAsync();
            db.Remove(document);
            await db.SaveChangesAsync();
            return document.Id;
        });

        var changes = await ChangesAsync(nameof(ApplicationDocument), id, "新增");
        Assert.Contains("文件类型：PDF", changes);
        Assert.Contains("文件名：登记证书.pdf", changes);
        Assert.DoesNotContain("application/pdf", changes);
        Assert.DoesNotContain("9b1c7e", changes);
        Assert.DoesNotContain("存储文件名", changes);
    }
}
