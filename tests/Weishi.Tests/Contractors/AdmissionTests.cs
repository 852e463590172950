using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Contractors;

[Collection(DemoCollection.Name)]
public class AdmissionTests(DemoApp app)
{
    private async Task<string?> RefusalAsync(int contractorId, ProjectCategory category)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContractorEligibility>().RefusalAsync(contractorId, category);
    }

    private static async Task<HttpResponseMessage> ApplyAsync(Browser contractor, ProjectCategory category, params (string Name, byte[] Content)[] files)
    {
        var (_, page) = await contractor.GetAsync("/Contractors/Admission/Apply");
        var token = page.QuerySelector("[data-testid=apply-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(category.ToString()), "Category" },
            { new StringContent("我单位长期服务长者"), "Statement" },
        };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "Files", name);
        }
        return await contractor.Client.PostAsync("/Contractors/Admission/Apply", form);
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n%测试\n"u8.ToArray();

    [Fact]
    public async Task A_contractor_applies_with_a_document_and_the_district_admits_it_into_the_pool()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var user = await ContractorTestData.CreateUserAsync(app.Factory, own.Code);
        var contractor = await Browser.LoginAsync(app.Factory, user);
        Assert.Contains("未获准", await RefusalAsync(own.Id, ProjectCategory.Elderly));

        var applied = await ApplyAsync(contractor, ProjectCategory.Elderly, ("登记证书.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var application = await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionApplications.Include(a => a.Documents)
            .SingleAsync(a => a.ContractorId == own.Id));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(AdmissionDecision.Admitted, application.Evaluated);
        Assert.Equal("登记证书.pdf", application.Documents.Single().FileName);
        Assert.Contains("未获准", await RefusalAsync(own.Id, ProjectCategory.Elderly));

        var district = await Browser.LoginAsync(app.Factory, "district");
        var download = await district.Client.GetAsync($"/Contractors/Admission/Review/{application.Id}?handler=Document&documentId={application.Documents[0].Id}");
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var review = await district.SubmitAsync($"/Contractors/Admission/Review/{application.Id}", new() { ["Decision"] = "Admitted", ["Note"] = "材料齐全" });
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);

        Assert.Null(await RefusalAsync(own.Id, ProjectCategory.Elderly));
        Assert.Contains("未获准", await RefusalAsync(own.Id, ProjectCategory.Children));
        var (_, pool) = await district.GetAsync($"/Contractors/Admission/Pool?category=Elderly&check={own.Id}");
        Assert.Contains(own.Name, pool.QuerySelector("[data-testid=pool-table]")!.TextContent);
        Assert.Contains("可以选择", pool.QuerySelector("[data-testid=eligibility]")!.TextContent);
    }

    [Fact]
    public async Task A_suspended_contractor_is_refused_even_when_admitted()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        await ContractorTestData.AdmitAsync(app.Factory, own.Id, ProjectCategory.Culture);
        Assert.Null(await RefusalAsync(own.Id, ProjectCategory.Culture));
        using (var scope = app.Factory.Services.CreateScope())
            Assert.Contains(await scope.ServiceProvider.GetRequiredService<ContractorEligibility>().ChoicesAsync(ProjectCategory.Culture), c => c.Id == own.Id);

        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync($"/Contractors/Detail/{own.Id}", new()
        {
            ["Sanction.Kind"] = "Suspension", ["Sanction.Reason"] = "抽查发现虚报服务人次",
        }, postUrl: $"/Contractors/Detail/{own.Id}?handler=Sanction", formSelector: "[data-testid=sanction-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using (var scope = app.Factory.Services.CreateScope())
            Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<ContractorEligibility>().ChoicesAsync(ProjectCategory.Culture), c => c.Id == own.Id);
        var refusal = await RefusalAsync(own.Id, ProjectCategory.Culture);
        Assert.Contains("暂停", refusal);
        Assert.Contains("抽查发现虚报服务人次", refusal);
        var (_, detail) = await district.GetAsync($"/Contractors/Detail/{own.Id}");
        Assert.Equal("暂停", detail.QuerySelector("[data-testid=sanction-badge]")!.TextContent);

        var sanctionId = await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorSanctions.Where(s => s.ContractorId == own.Id).Select(s => s.Id).SingleAsync());
        await district.SubmitAsync($"/Contractors/Detail/{own.Id}", [], postUrl: $"/Contractors/Detail/{own.Id}?handler=Lift&sanctionId={sanctionId}");
        Assert.Null(await RefusalAsync(own.Id, ProjectCategory.Culture));
    }

    [Fact]
    public async Task The_application_is_evaluated_against_the_rules_with_reasons()
    {
        // The demo's rules: at least 3 full-time staff refuses.
        var own = await ContractorTestData.CreateAsync(app.Factory, c => c.FullTimeStaff = 1);
        var user = await ContractorTestData.CreateUserAsync(app.Factory, own.Code);
        var contractor = await Browser.LoginAsync(app.Factory, user);
        await ApplyAsync(contractor, ProjectCategory.Education);
        var application = await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionApplications.SingleAsync(a => a.ContractorId == own.Id));
        Assert.Equal(AdmissionDecision.Refused, application.Evaluated);
        Assert.Contains("专职人员 1 人，少于 3 人", application.EvaluationReasons);

        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, review) = await district.GetAsync($"/Contractors/Admission/Review/{application.Id}");
        Assert.Contains("不准入", review.QuerySelector("[data-testid=current-verdict]")!.TextContent);
        var admitWithoutReason = await district.SubmitAsync($"/Contractors/Admission/Review/{application.Id}", new() { ["Decision"] = "Admitted" });
        Assert.Contains("请填写理由", (await district.ReadAsync(admitWithoutReason)).QuerySelector("[data-testid=errors]")!.TextContent);
        var refuse = await district.SubmitAsync($"/Contractors/Admission/Review/{application.Id}", new() { ["Decision"] = "Refused", ["Note"] = "专职人员不足" });
        Assert.Equal(HttpStatusCode.Redirect, refuse.StatusCode);
        Assert.Contains("未获准", await RefusalAsync(own.Id, ProjectCategory.Education));
    }

    [Fact]
    public async Task Wrong_file_types_and_disguised_files_are_refused_and_nothing_is_saved()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var user = await ContractorTestData.CreateUserAsync(app.Factory, own.Code);
        var contractor = await Browser.LoginAsync(app.Factory, user);

        var exe = await ApplyAsync(contractor, ProjectCategory.Elderly, ("setup.exe", [0x4D, 0x5A, 0x90, 0x00]));
        Assert.Contains("类型不支持", (await contractor.ReadAsync(exe)).QuerySelector("[data-testid=errors]")!.TextContent);
        var fake = await ApplyAsync(contractor, ProjectCategory.Elderly, ("证书.pdf", "not a pdf"u8.ToArray()));
        Assert.Contains("内容与扩展名不符", (await contractor.ReadAsync(fake)).QuerySelector("[data-testid=errors]")!.TextContent);
        var empty = await ApplyAsync(contractor, ProjectCategory.Elderly, ("空.pdf", []));
        Assert.Contains("空文件", (await contractor.ReadAsync(empty)).QuerySelector("[data-testid=errors]")!.TextContent);

        Assert.False(await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionApplications.AnyAsync(a => a.ContractorId == own.Id)));
    }

    [Fact]
    public async Task Only_the_district_reviews_and_maintains_rules()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var user = await ContractorTestData.CreateUserAsync(app.Factory, own.Code);
        var contractor = await Browser.LoginAsync(app.Factory, user);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync("/Contractors/Admission/Rules")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync("/Contractors/SpotChecks")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync("/Contractors/Assessment/Weights")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync("/Contractors/Changes")).Status);

        var other = await ContractorTestData.CreateAsync(app.Factory);
        var otherUser = await ContractorTestData.CreateUserAsync(app.Factory, other.Code);
        await ApplyAsync(await Browser.LoginAsync(app.Factory, otherUser), ProjectCategory.Elderly);
        var otherApplication = await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionApplications.Where(a => a.ContractorId == other.Id).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await contractor.GetAsync($"/Contractors/Admission/Review/{otherApplication}")).Status);
    }

    [Fact]
    public async Task The_district_adds_a_rule_and_bad_rules_are_refused()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var before = await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionRules.CountAsync());
        var bad = await district.SubmitAsync("/Contractors/Admission/Rules", new() { ["Input.Kind"] = "MinFullTimeStaff", ["Input.Threshold"] = "-2", ["Input.Outcome"] = "Refuse" });
        Assert.Contains("不能为负数", (await district.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
        var noText = await district.SubmitAsync("/Contractors/Admission/Rules", new() { ["Input.Kind"] = "RequiredQualification", ["Input.Threshold"] = "1", ["Input.Outcome"] = "NeedMaterials" });
        Assert.Contains("请填写所需资格", (await district.ReadAsync(noText)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionRules.CountAsync()));

        var ok = await district.SubmitAsync("/Contractors/Admission/Rules", new()
        {
            ["Input.Kind"] = "RequiredQualification", ["Input.Threshold"] = "1", ["Input.Text"] = "营养师", ["Input.Category"] = "Migrant", ["Input.Outcome"] = "NeedMaterials",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var rule = await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionRules.SingleAsync(r => r.Text == "营养师"));

        // The new rule makes a contractor without the qualification 待补充材料 for that category only.
        var own = await ContractorTestData.CreateAsync(app.Factory);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var eligibility = scope.ServiceProvider.GetRequiredService<ContractorEligibility>();
            Assert.Equal(AdmissionDecision.NeedMaterials, (await eligibility.EvaluateAsync(own.Id, ProjectCategory.Migrant)).Decision);
            Assert.Equal(AdmissionDecision.Admitted, (await eligibility.EvaluateAsync(own.Id, ProjectCategory.Elderly)).Decision);
        }
        await district.SubmitAsync("/Contractors/Admission/Rules", [], postUrl: $"/Contractors/Admission/Rules?handler=Toggle&ruleId={rule.Id}");
        Assert.False(await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionRules.Where(r => r.Id == rule.Id).Select(r => r.Active).SingleAsync()));
    }
}
