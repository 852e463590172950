using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;

namespace Weishi.Tests.Surveys;

/// <summary>
/// Minimum sample and response rate, the rectification loop (thresholds, community actions, contractor answers, scope),
/// last year's lessons on the proposal form, the assessment input and the Excel exports. The demo district sets a floor
/// of 10 answers; one test changes it and puts it back, so these run in one class.
/// </summary>
[Collection(DemoCollection.Name)]
public class RectificationTests(DemoApp app)
{
    private async Task<HttpResponseMessage> AssessAsync(Browser staff, int project) =>
        await staff.SubmitAsync($"/Surveys/Project/{project}", [], postUrl: $"/Surveys/Project/{project}?handler=Assess", formSelector: "form[action*=Assess]");

    private async Task<Weishi.Web.Features.Surveys.Rectification?> RectificationAsync(int project)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).Rectifications.AsNoTracking().SingleOrDefaultAsync(r => r.ProjectId == project);
    }

    [Fact]
    public async Task The_minimum_sample_follows_the_beneficiaries_and_the_district_setting_with_the_response_rate_shown()
    {
        var project = await SurveyTestData.SurveyedAsync(app.Factory, 2044, SurveyTestData.Healthy(6), plannedBeneficiaries: 40);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, page) = await staff.GetAsync($"/Surveys/Project/{project}");
        Assert.Contains("15.0%", page.QuerySelector("[data-testid=response-rate]")!.TextContent);  // 6 of 40
        Assert.Contains("40 人", page.QuerySelector("[data-testid=response-rate]")!.TextContent);
        Assert.Equal("10 份，样本不足", page.QuerySelector("[data-testid=minimum-sample]")!.TextContent.Trim());

        var district = await Browser.LoginAsync(app.Factory, "district");
        try
        {
            var saved = await district.SubmitAsync("/Surveys/Bank", Setting(floor: "5", share: "15"), postUrl: "/Surveys/Bank?handler=Settings", formSelector: "[data-testid=settings-form]");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            (_, page) = await staff.GetAsync($"/Surveys/Project/{project}");
            Assert.Equal("6 份，已达到", page.QuerySelector("[data-testid=minimum-sample]")!.TextContent.Trim()); // 15 % of 40 = 6

            var bad = await district.SubmitAsync("/Surveys/Bank", Setting(floor: "0", share: "150"), postUrl: "/Surveys/Bank?handler=Settings", formSelector: "[data-testid=settings-form]");
            var errors = (await district.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent;
            Assert.Contains("样本比例", errors);
            Assert.Contains("最低样本", errors);
            (_, page) = await staff.GetAsync($"/Surveys/Project/{project}");
            Assert.Equal("6 份，已达到", page.QuerySelector("[data-testid=minimum-sample]")!.TextContent.Trim());
        }
        finally
        {
            await district.SubmitAsync("/Surveys/Bank", Setting(floor: "10", share: "5"), postUrl: "/Surveys/Bank?handler=Settings", formSelector: "[data-testid=settings-form]");
        }
    }

    private static Dictionary<string, string> Setting(string floor, string share) => new()
    {
        ["Setting.SampleSharePercent"] = share, ["Setting.SampleFloor"] = floor, ["Setting.OverallBelowTenths"] = "40",
        ["Setting.ItemBelowTenths"] = "40", ["Setting.DissatisfiedAbovePercent"] = "10", ["Setting.RectificationDays"] = "30",
    };

    [Fact]
    public async Task Low_scores_open_a_rectification_and_healthy_or_too_few_answers_do_not()
    {
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var low = await SurveyTestData.SurveyedAsync(app.Factory, 2044, SurveyTestData.Low(10));
        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(staff, low)).StatusCode);
        var opened = await RectificationAsync(low);
        Assert.NotNull(opened);
        Assert.Contains("总体满意度", opened.LowItems);
        Assert.Contains("均值 2.80", opened.LowItems);
        var (_, page) = await staff.GetAsync($"/Surveys/Project/{low}");
        Assert.Contains("待社区整改", page.QuerySelector("[data-testid=rectification-state]")!.TextContent);
        Assert.Contains("总体满意度", page.QuerySelector("[data-testid=low-items]")!.TextContent);

        var healthy = await SurveyTestData.SurveyedAsync(app.Factory, 2044, SurveyTestData.Healthy(10));
        await AssessAsync(staff, healthy);
        Assert.Null(await RectificationAsync(healthy));

        var few = await SurveyTestData.SurveyedAsync(app.Factory, 2044, SurveyTestData.Low(4));
        await AssessAsync(staff, few);
        Assert.Null(await RectificationAsync(few));

        // Nobody dissatisfied on average but 20 % of 1–2 answers: still a rectification.
        var split = await SurveyTestData.SurveyedAsync(app.Factory, 2044, [5, 5, 5, 5, 5, 5, 5, 5, 1, 2], metNeed: 5);
        await AssessAsync(staff, split);
        Assert.Contains("不满意 20%", (await RectificationAsync(split))!.LowItems);
    }

    [Fact]
    public async Task The_community_records_actions_and_only_the_projects_contractor_answers()
    {
        var own = await SurveyTestData.SurveyedAsync(app.Factory, 2044, SurveyTestData.Low(10));
        var other = await SurveyTestData.SurveyedAsync(app.Factory, 2044, SurveyTestData.Low(10), contractorId: await SurveyTestData.OtherContractorAsync(app.Factory));
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        await AssessAsync(staff, own);
        await AssessAsync(staff, other);

        var actions = await staff.SubmitAsync($"/Surveys/Project/{own}", new() { ["Text"] = "调整活动时间到周末" }, postUrl: $"/Surveys/Project/{own}?handler=Actions", formSelector: "[data-testid=actions-form]");
        Assert.Equal(HttpStatusCode.Redirect, actions.StatusCode);
        var empty = await staff.SubmitAsync($"/Surveys/Project/{own}", new() { ["Text"] = " " }, postUrl: $"/Surveys/Project/{own}?handler=Actions", formSelector: "[data-testid=actions-form]");
        Assert.Contains("请填写整改措施", (await staff.ReadAsync(empty)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.SubmitAsync($"/Surveys/Project/{own}", new() { ["Text"] = "社区代答" }, postUrl: $"/Surveys/Project/{own}?handler=Answer", formSelector: "[data-testid=actions-form]")).StatusCode);

        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var (_, page) = await contractor.GetAsync($"/Surveys/Project/{own}");
        Assert.Null(page.QuerySelector("[data-testid=actions-form]"));
        var answer = await contractor.SubmitAsync($"/Surveys/Project/{own}", new() { ["Text"] = "<b>已更换厨师</b>" }, postUrl: $"/Surveys/Project/{own}?handler=Answer", formSelector: "[data-testid=answer-form]");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var stored = await RectificationAsync(own);
        Assert.Equal(("调整活动时间到周末", "<b>已更换厨师</b>", "已整改"), (stored!.CommunityActions, stored.ContractorAnswer, stored.State));
        (_, page) = await contractor.GetAsync($"/Surveys/Project/{own}");
        Assert.Equal("<b>已更换厨师</b>", page.QuerySelector("[data-testid=answer]")!.TextContent);

        // Another contractor's project: not visible, not answerable, not listed.
        Assert.Equal(HttpStatusCode.NotFound, (await contractor.GetAsync($"/Surveys/Project/{other}")).Status);
        var (_, list) = await contractor.GetAsync("/Surveys/Rectifications");
        var links = list.QuerySelectorAll("[data-testid=rectification-row] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/Surveys/Project/{own}", links);
        Assert.DoesNotContain($"/Surveys/Project/{other}", links);
        Assert.Null((await RectificationAsync(other))!.ContractorAnswer);
    }

    [Fact]
    public async Task Next_years_proposal_of_the_same_community_and_category_shows_last_years_low_items_and_actions()
    {
        var last = await SurveyTestData.SurveyedAsync(app.Factory, 2045, SurveyTestData.Low(10), category: ProjectCategory.Health);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        await AssessAsync(staff, last);
        await staff.SubmitAsync($"/Surveys/Project/{last}", new() { ["Text"] = "改为每周六下午开展" }, postUrl: $"/Surveys/Project/{last}?handler=Actions", formSelector: "[data-testid=actions-form]");
        var region = await TestData.RegionIdAsync(app.Factory, DeliveryData.TangKeng);

        var (_, form) = await staff.GetAsync("/Proposals/Create?year=2046");
        var slot = form.QuerySelector("[data-testid=survey-lessons]")!;
        Assert.Equal("/Surveys/Lessons", slot.GetAttribute("hx-get"));
        Assert.Contains("#category", slot.GetAttribute("hx-include"));

        var (_, lessons) = await staff.GetAsync($"/Surveys/Lessons?Input.RegionId={region}&Input.Category=Health&Input.Year=2046");
        var text = lessons.QuerySelector("[data-testid=lessons]")!.TextContent;
        Assert.Contains("2045", text);
        Assert.Contains("总体满意度", text);
        Assert.Contains("改为每周六下午开展", text);
        Assert.Null((await staff.GetAsync($"/Surveys/Lessons?Input.RegionId={region}&Input.Category=Culture&Input.Year=2046")).Document.QuerySelector("[data-testid=lessons]"));
        Assert.Null((await staff.GetAsync($"/Surveys/Lessons?Input.RegionId={region}&Input.Category=Health&Input.Year=2047")).Document.QuerySelector("[data-testid=lessons]"));
    }

    [Fact]
    public async Task Survey_satisfaction_counts_in_the_contractor_assessment_and_formality_lowers_it()
    {
        var varied = await SurveyTestData.SurveyedAsync(app.Factory, 2044, SurveyTestData.Healthy(10));
        // Identical top marks: flagged as top marks and straight-lining, so worth less than the varied survey.
        var formal = await SurveyTestData.SurveyedAsync(app.Factory, 2044, Enumerable.Repeat(5, 12).ToArray());
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            await db.SurveyResponses.Where(r => r.ProjectId == formal).ExecuteUpdateAsync(u => u.SetProperty(r => r.Comment, (string?)null)
                .SetProperty(r => r.WouldJoinAgain, true).SetProperty(r => r.KnewBefore, false));
        }
        using var s = app.Factory.Services.CreateScope();
        var scores = await s.ServiceProvider.GetRequiredService<ContractorAssessment>().ProjectScoresAsync(await DeliveryData.ContractorIdAsync(app.Factory));
        Assert.Equal((4.6 - 1) / 4 * 100, scores.Single(p => p.Project.ProjectId == varied).Inputs["survey"], 6);
        Assert.Equal(100 - 2 * Weishi.Web.Features.Surveys.SurveySatisfactionInput.FlagPenalty, scores.Single(p => p.Project.ProjectId == formal).Inputs["survey"], 6);
    }

    [Fact]
    public async Task The_project_results_export_to_a_real_excel_file()
    {
        var project = await SurveyTestData.SurveyedAsync(app.Factory, 2044, SurveyTestData.Low(10));
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var response = await staff.Client.GetAsync($"/Surveys/Project/{project}?handler=Export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var path = Path.GetTempFileName() + ".xlsx";
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            Assert.Equal(["汇总", "各题分布", "意见建议"], MiniExcel.GetSheetNames(path));
            var summary = MiniExcel.Query(path, useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().Single();
            Assert.Equal(10d, Convert.ToDouble(summary["有效答卷"]));
            Assert.Equal(2.8, Convert.ToDouble(summary["总体满意度均值"]), 6);
            var items = MiniExcel.Query(path, useHeaderRow: true, sheetName: "各题分布").Cast<IDictionary<string, object>>().ToList();
            var overall = items.Single(r => r["题目"].ToString()!.Contains("总体满意度"));
            Assert.Equal([0d, 4d, 4d, 2d, 0d], new[] { "1分", "2分", "3分", "4分", "5分" }.Select(k => Convert.ToDouble(overall[k])));
            var comments = MiniExcel.Query(path, useHeaderRow: true, sheetName: "意见建议").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(5, comments.Count(r => r["意见建议"]?.ToString() == "活动时间安排太早了"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task Results_by_year_show_the_demo_and_export_to_excel()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Surveys?By=year");
        var labels = page.QuerySelectorAll("[data-testid=group] td:first-child").Select(td => td.TextContent).ToList();
        Assert.Contains("2021年", labels);
        Assert.Contains("2023年", labels);
        Assert.NotNull(page.QuerySelector("[data-survey-chart][data-source='#groups-data']"));

        var response = await district.Client.GetAsync("/Surveys?handler=Export&By=community&Year=2022");
        var path = Path.GetTempFileName() + ".xlsx";
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "按社区").Cast<IDictionary<string, object>>().ToList();
            Assert.True(rows.Count >= 5, $"{rows.Count} communities");
            Assert.All(rows, r => Assert.True(Convert.ToDouble(r["答卷"]) > 0));
        }
        finally { File.Delete(path); }

        // Per contractor, category and project the same page groups the answers.
        foreach (var by in new[] { "contractor", "category", "project" })
            Assert.NotEmpty((await district.GetAsync($"/Surveys?By={by}&Year=2023")).Document.QuerySelectorAll("[data-testid=group]"));

        // By project every row opens that project's survey page, and the count column is named as a count.
        var (_, byProject) = await district.GetAsync("/Surveys?By=project&Year=2023");
        Assert.Equal("项目数", byProject.QuerySelectorAll("[data-testid=groups] thead th")[1].TextContent);
        var first = byProject.QuerySelectorAll("[data-testid=group]").Select(r => r.QuerySelector("td:first-child a")).ToList();
        Assert.All(first, a => Assert.Matches(@"^/Surveys/Project/\d+$", a!.GetAttribute("href")));
        var (status, survey) = await district.GetAsync(first[0]!.GetAttribute("href")!);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(first[0]!.TextContent, survey.QuerySelector("[data-testid=project-name]")!.TextContent + "（2023）");
    }

    [Fact]
    public async Task The_daily_scan_opens_rectifications_for_low_scores_once_and_leaves_healthy_or_small_samples_alone()
    {
        const int year = 2055;
        var low = await SurveyTestData.SurveyedAsync(app.Factory, year, SurveyTestData.Low(10));
        var healthy = await SurveyTestData.SurveyedAsync(app.Factory, year, SurveyTestData.Healthy(10));
        var few = await SurveyTestData.SurveyedAsync(app.Factory, year, SurveyTestData.Low(4));

        using (var scope = app.Factory.Services.CreateScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Weishi.Web.Features.Surveys.RectificationScanner>().ScanAsync(year));
        var opened = await RectificationAsync(low);
        Assert.NotNull(opened);
        Assert.Contains("总体满意度", opened.LowItems);
        Assert.EndsWith("工作人员", opened.Owner);
        Assert.Null(await RectificationAsync(healthy));
        Assert.Null(await RectificationAsync(few));

        // A second run opens nothing new: the project already has its rectification.
        using (var scope = app.Factory.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Weishi.Web.Features.Surveys.RectificationScanner>().ScanAsync(year));
    }
}
