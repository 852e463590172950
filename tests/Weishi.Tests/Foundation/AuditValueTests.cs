using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Contractors;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Mining;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

/// <summary>
/// The audit log's values as an auditor reads them: a change request's proposed fields by the form's names, codes by
/// the names their pages give them, people by name — never property names, JSON or stored codes.
/// </summary>
[Collection(DemoCollection.Name)]
public partial class AuditValueTests(DemoApp app)
{
    private const string LiuLian = "440310001001"; // 六联社区

    private async Task<string> ChangesAsync(string entity, int id, string action)
    {
        var auditor = await Browser.LoginAsync(app.Factory, "auditor");
        var (status, page) = await auditor.GetAsync($"/Audit?entity={entity}&entityId={id}");
        Assert.Equal(HttpStatusCode.OK, status);
        var row = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").First(r => r.TextContent.Contains(action));
        return row.QuerySelector("[data-testid=audit-changes]")!.TextContent;
    }

    private static Dictionary<string, string> ProfileForm(string name, string code, string staff) => new()
    {
        ["Input.Name"] = name,
        ["Input.CreditCode"] = code,
        ["Input.Type"] = nameof(ContractorType.SocialOrganisation),
        ["Input.RegisteredOn"] = "2015-05-01",
        ["Input.OrgRatingLevel"] = "4",
        ["Input.OrgRatedOn"] = "",
        ["Input.FullTimeStaff"] = staff,
        ["Input.CertifiedSocialWorkers"] = "4",
        ["Input.ContactName"] = "陈主任",
        ["Input.ContactPhone"] = "13812345678",
        ["Input.ServiceAreas"] = nameof(ProjectCategory.Elderly),
    };

    /// <summary>A contractor asks (through its profile page) for 专职人员数 10 → 12; returns the request's id.</summary>
    private async Task<int> RequestChangeAsync()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var contractor = await Browser.LoginAsync(app.Factory, await ContractorTestData.CreateUserAsync(app.Factory, own.Code));
        var response = await contractor.SubmitAsync("/Contractors/Profile", ProfileForm(own.Name, own.Code, "12"), formSelector: "[data-testid=registry-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorChangeRequests
            .Where(r => r.ContractorId == own.Id).Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task A_contractor_change_request_lists_its_proposed_fields_by_the_form_names_without_property_names_or_braces()
    {
        var requestId = await RequestChangeAsync();

        var changes = await ChangesAsync(nameof(ContractorChangeRequest), requestId, "新增");
        Assert.Contains("申请变更的内容：", changes);
        foreach (var shown in new[] { "单位名称：测试社工服务中心", "类型：社会组织", "登记成立日期：2015-05-01", "社会组织评估等级：4A", "专职人员数：12", "持证社工人数：4" })
            Assert.Contains(shown, changes);
        Assert.DoesNotContain("{", changes);
        Assert.DoesNotContain("\"", changes);
        Assert.DoesNotContain("\\u", changes);
        foreach (var property in typeof(KeyFields).GetProperties().Select(p => p.Name))
            Assert.DoesNotContain(property, changes);
    }

    [Fact]
    public async Task Who_did_something_reads_by_display_name_with_the_login_kept_as_a_tooltip()
    {
        var requestId = await RequestChangeAsync();
        var district = await Browser.LoginAsync(app.Factory, "district");
        await district.SubmitAsync("/Contractors/Changes", new() { ["requestId"] = requestId.ToString(), ["approve"] = "false", ["note"] = "请补充材料" });

        var auditor = await Browser.LoginAsync(app.Factory, "auditor");
        var (_, page) = await auditor.GetAsync($"/Audit?entity={nameof(ContractorChangeRequest)}&entityId={requestId}");
        var modified = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").First(r => r.TextContent.Contains("修改"))
            .QuerySelector("[data-testid=audit-changes]")!;
        Assert.Contains("决定人：（空） → 区民政局 王主任", modified.TextContent);
        Assert.Contains(modified.QuerySelectorAll("span[data-login]"), s => s.GetAttribute("data-login") == "district" && s.GetAttribute("title") == "登录名：district");
        var added = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").First(r => r.TextContent.Contains("新增"));
        Assert.Contains("申请人：测试联络员", added.TextContent);
    }

    [Fact]
    public async Task Service_areas_and_an_organisation_rating_read_as_the_registry_form_shows_them()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory, c => c.OrgRatingLevel = 3);
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var contractor = await db.Contractors.SingleAsync(c => c.Id == own.Id);
            contractor.Categories = [ProjectCategory.Elderly, ProjectCategory.Children];
            contractor.OrgRatingLevel = 5;
            return await db.SaveChangesAsync();
        });

        var changes = await ChangesAsync(nameof(Contractor), own.Id, "修改");
        Assert.Contains($"服务领域：（空） → {ProjectNames.Category(ProjectCategory.Elderly)}、{ProjectNames.Category(ProjectCategory.Children)}", changes);
        Assert.Contains("社会组织评估等级：3A → 5A", changes);
    }

    private async Task<(int Id, string Key)> PopulationRowLoggedAsync()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, LiuLian);
        var key = "age:" + AgeBand.From60;
        var id = await AddedOrDeletedAsync(db => db.Set<CommunityPopulation>().Where(p => p.RegionId == regionId && p.Segment == key),
            () => new CommunityPopulation { RegionId = regionId, Segment = key, Population = 1234 });
        return (id, key);
    }

    [Fact]
    public async Task A_population_segment_reads_by_its_Chinese_name_not_its_key()
    {
        var (id, key) = await PopulationRowLoggedAsync();

        var changes = await ChangesAsync(nameof(CommunityPopulation), id, "");
        Assert.Contains($"人群：{DemandProfile.Name(AgeBand.From60)}（年龄段）", changes);
        Assert.DoesNotContain(key, changes);
    }

    [Fact]
    public async Task A_finding_type_and_a_word_tag_read_by_the_names_their_pages_give_them()
    {
        var findingId = await AddedOrDeletedAsync(db => db.Set<FindingRecommendation>().Where(r => r.Type == FindingTypes.Upkeep),
            () => new FindingRecommendation { Type = FindingTypes.Upkeep, Text = "审计显示测试：建立管养台账", UpdatedAtUtc = DateTime.UnixEpoch });
        var findings = await ChangesAsync(nameof(FindingRecommendation), findingId, "");
        Assert.Contains("类型：" + FindingTypes.Find(FindingTypes.Upkeep)!.Name, findings);
        Assert.DoesNotContain(FindingTypes.Upkeep, findings);

        var word = "审计词" + Guid.NewGuid().ToString("N")[..4];
        var termId = await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var term = new SegmentationTerm { Word = word, Tag = "ns", CreatedByName = "审计显示测试", CreatedAtUtc = DateTime.UnixEpoch };
            db.Add(term);
            await db.SaveChangesAsync();
            db.Remove(term);   // the terms page's tests start from none
            await db.SaveChangesAsync();
            return term.Id;
        });
        Assert.Contains("词性：" + SegmentationTermRules.Tags["ns"], await ChangesAsync(nameof(SegmentationTerm), termId, "新增"));
    }

    [Fact]
    public async Task An_indicator_metric_reads_by_the_metric_name()
    {
        var metric = DataMetrics.Find(DataMetrics.Completion)!;
        var nodeId = await MetricNodeLoggedAsync(metric);

        var changes = await ChangesAsync(nameof(IndicatorNode), nodeId, "新增");
        Assert.Contains("数据指标：" + metric.Name, changes);
        Assert.DoesNotContain(metric.Code, changes);
    }

    private Task<int> MetricNodeLoggedAsync(MetricDefinition metric) =>
        ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var version = await db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme).MaxAsync(t => t.Version) + 1;
            var tree = new IndicatorTree { Name = "审计显示测试数据指标", Kind = TreeKind.Programme, Version = version, CreatedAtUtc = DateTime.UnixEpoch };
            var node = new IndicatorNode { Tree = tree, Code = "A1", Level = 1, Position = 1, Name = "项目完成率", Weight = 10, Method = ScoringMethod.Data, MetricCode = metric.Code };
            db.AddRange(tree, node);
            await db.SaveChangesAsync();
            db.RemoveRange(node, tree);   // the newest tree version is what evaluations use: leave the demo's in place
            await db.SaveChangesAsync();
            return node.Id;
        });

    [Fact]
    public async Task A_need_category_correction_reads_by_the_category_names_and_the_corrector_by_name()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, LiuLian);
        var demandId = await ContractorTestData.WithDbAsync(app.Factory, db => db.Demands.Where(d => d.RegionId == regionId).Select(d => d.Id).FirstAsync());
        var id = await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var correction = new CategoryCorrection
            {
                DemandId = demandId, RegionId = regionId, Text = "审计显示测试：楼下广场想办舞蹈班", SuggestedCategory = Categories.OutOfScope,
                Category = Categories.Culture, CorrectedByName = "district", CorrectedAtUtc = DateTime.UnixEpoch,
            };
            db.Add(correction);
            await db.SaveChangesAsync();
            db.Remove(correction);   // corrections train the classifier in other tests
            await db.SaveChangesAsync();
            return correction.Id;
        });

        var changes = await ChangesAsync(nameof(CategoryCorrection), id, "新增");
        Assert.Contains("模型建议类别：" + Categories.ChineseName(Categories.OutOfScope), changes);
        Assert.Contains("更正后类别：" + Categories.ChineseName(Categories.Culture), changes);
        Assert.Contains("更正人：区民政局 王主任", changes);
        Assert.DoesNotContain(Categories.OutOfScope, changes);
    }

    [Fact]
    public async Task An_assessment_weight_reads_by_the_input_name_on_the_weights_page()
    {
        var id = await AddedOrDeletedAsync(db => db.Set<AssessmentWeight>().Where(w => w.InputKey == "acceptance"),
            () => new AssessmentWeight { InputKey = "acceptance", Weight = 20 });

        var changes = await ChangesAsync(nameof(AssessmentWeight), id, "");
        Assert.Contains("考核指标：验收结果", changes);
        Assert.DoesNotContain("acceptance", changes);
    }

    /// <summary>
    /// Puts a row of the type in the log with all its fields and leaves the table as it was: deletes the existing row
    /// and adds it back, or adds one and deletes it. Returns the id of the logged row.
    /// </summary>
    private Task<int> AddedOrDeletedAsync<T>(Func<WeishiDbContext, IQueryable<T>> existing, Func<T> create) where T : class =>
        ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var row = await existing(db).FirstOrDefaultAsync();
            int Id(T r) => (int)db.Entry(r).Property("Id").CurrentValue!;
            if (row is not null)
            {
                var id = Id(row);
                db.Remove(row);
                await db.SaveChangesAsync();
                var copy = (T)db.Entry(row).CurrentValues.ToObject();
                db.Entry(copy).Property("Id").CurrentValue = 0;
                db.Add(copy);
                await db.SaveChangesAsync();
                return id;
            }
            var added = create();
            db.Add(added);
            await db.SaveChangesAsync();
            db.Remove(added);   // other tests count on the demo's rows of these types
            await db.SaveChangesAsync();
            return Id(added);
        });
}
