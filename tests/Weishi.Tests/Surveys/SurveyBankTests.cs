using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>The district's question bank and a community composing its project's survey from it.</summary>
[Collection(DemoCollection.Name)]
public class SurveyBankTests(DemoApp app)
{
    private static Dictionary<string, string> Core(string overall = "4") =>
        new() { ["Answer.Overall"] = overall, ["Answer.MetNeed"] = "4", ["Answer.WouldJoinAgain"] = "true", ["Answer.KnewBefore"] = "false", ["Answer.Comment"] = "" };

    [Fact]
    public async Task The_bank_holds_the_core_questions_and_the_district_adds_targeted_ones()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Surveys/Bank");
        var rows = page.QuerySelectorAll("[data-testid=question]").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("总体满意度") && r.Contains("核心题"));
        Assert.Contains(rows, r => r.Contains("听说过") && r.Contains("核心题"));
        Assert.Contains(rows, r => r.Contains("饭菜口味") && r.Contains("长者关爱"));
        Assert.Contains(rows, r => r.Contains("工程质量") && r.Contains("工程类"));

        var text = "饭菜分量是否足够" + Guid.NewGuid().ToString("N")[..4];
        var added = await district.SubmitAsync("/Surveys/Bank", new() { ["Input.Text"] = text, ["Input.ForType"] = "Service", ["Input.ForCategory"] = "Elderly", ["Input.NameKeywords"] = " 饭堂、助餐 " },
            postUrl: "/Surveys/Bank?handler=Add", formSelector: "[data-testid=add-form]");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using var scope = app.Factory.Services.CreateScope();
        var stored = await DeliveryData.Db(scope).SurveyQuestions.SingleAsync(q => q.Text == text);
        Assert.False(stored.IsCore);
        Assert.True(stored.AppliesTo(Weishi.Web.Features.Projects.ProjectType.Service, Weishi.Web.Features.Projects.ProjectCategory.Elderly, "长者饭堂"));
        Assert.False(stored.AppliesTo(Weishi.Web.Features.Projects.ProjectType.Service, Weishi.Web.Features.Projects.ProjectCategory.Elderly, "长者智能手机培训班"));
        Assert.False(stored.AppliesTo(Weishi.Web.Features.Projects.ProjectType.Works, Weishi.Web.Features.Projects.ProjectCategory.Elderly, "长者饭堂"));
        var (_, bank) = await district.GetAsync("/Surveys/Bank");
        Assert.Contains(bank.QuerySelectorAll("[data-testid=question]"), r => r.TextContent.Contains(text) && r.TextContent.Contains("项目名称含“饭堂/助餐”"));
        // Retire it again so other tests' templates stay as seeded.
        await district.SubmitAsync("/Surveys/Bank", [], postUrl: $"/Surveys/Bank?handler=Toggle&questionId={stored.Id}");
        Assert.False(await DeliveryData.Db(scope).SurveyQuestions.Where(q => q.Id == stored.Id).Select(q => q.Active).SingleAsync());
    }

    [Fact]
    public async Task The_same_question_text_for_other_project_names_is_no_duplicate_but_the_same_keywords_are()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var text = "活动安排是否合理" + Guid.NewGuid().ToString("N")[..4];
        Task<HttpResponseMessage> AddAsync(string keywords) => district.SubmitAsync("/Surveys/Bank",
            new() { ["Input.Text"] = text, ["Input.ForType"] = "Service", ["Input.ForCategory"] = "Elderly", ["Input.NameKeywords"] = keywords },
            postUrl: "/Surveys/Bank?handler=Add", formSelector: "[data-testid=add-form]");

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("饭堂、助餐")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("生日会")).StatusCode);
        var same = await AddAsync(" 助餐 饭堂 ");
        Assert.Contains("已有适用范围和项目名称关键词都相同的同名题目", (await district.ReadAsync(same)).QuerySelector("[data-testid=errors]")!.TextContent);

        using var scope = app.Factory.Services.CreateScope();
        var stored = await DeliveryData.Db(scope).SurveyQuestions.Where(q => q.Text == text).ToListAsync();
        Assert.Equal(2, stored.Count);
        // Retire them again so other tests' templates stay as seeded.
        foreach (var q in stored) await district.SubmitAsync("/Surveys/Bank", [], postUrl: $"/Surveys/Bank?handler=Toggle&questionId={q.Id}");
    }

    [Fact]
    public async Task An_empty_question_is_refused_and_only_the_district_edits_the_bank()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        int before;
        using (var scope = app.Factory.Services.CreateScope()) before = await DeliveryData.Db(scope).SurveyQuestions.CountAsync();
        var bad = await district.SubmitAsync("/Surveys/Bank", new() { ["Input.Text"] = "  " }, postUrl: "/Surveys/Bank?handler=Add", formSelector: "[data-testid=add-form]");
        Assert.Contains("请填写题目内容", (await district.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
        using (var scope = app.Factory.Services.CreateScope()) Assert.Equal(before, await DeliveryData.Db(scope).SurveyQuestions.CountAsync());

        var community = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (status, _) = await community.GetAsync("/Surveys/Bank");
        Assert.NotEqual(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Community_staff_compose_from_the_template_and_participants_answer_the_chosen_questions()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            (await db.Projects.SingleAsync(p => p.Id == project)).Name = "汤坑社区长者饭堂助餐服务";
            await db.SaveChangesAsync();
        }
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, form) = await staff.GetAsync($"/Surveys/Compose/{project}");
        // The template of a meal service for the elderly is suggested; the core questions are fixed.
        var suggested = form.QuerySelectorAll("input[name=QuestionIds][checked]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("101", suggested);
        Assert.Contains("103", suggested);
        Assert.DoesNotContain("111", suggested);
        Assert.Equal(4, form.QuerySelectorAll("input[disabled][checked][id^=core-]").Length);

        var saved = await staff.Client.PostAsync($"/Surveys/Compose/{project}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("QuestionIds", "101"), new("QuestionIds", "103"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        string token;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            Assert.Equal([101, 103], await db.SurveyItems.Where(i => i.ProjectId == project).Select(i => i.QuestionId).OrderBy(q => q).ToListAsync());
            token = await db.Surveys.Where(s => s.ProjectId == project).Select(s => s.PublicToken).SingleAsync();
        }

        var phone = Browser.For(app.Factory);
        var (_, answerPage) = await phone.GetAsync($"/Survey/{token}");
        Assert.Equal(["5. 饭菜口味", "6. 送餐或服务是否准时"], answerPage.QuerySelectorAll("[data-testid=targeted-question] legend").Select(l => l.TextContent.Trim()));
        Assert.Contains("听说过", answerPage.Body!.TextContent);

        // A targeted question left out is refused like a core one.
        var missing = await phone.SubmitAsync($"/Survey/{token}", new(Core()) { ["Answer.Items[101]"] = "4" });
        Assert.Contains("送餐或服务是否准时", (await phone.ReadAsync(missing)).QuerySelector("[data-testid=errors]")!.TextContent);
        var outOfRange = await phone.SubmitAsync($"/Survey/{token}", new(Core()) { ["Answer.Items[101]"] = "9", ["Answer.Items[103]"] = "4" });
        Assert.Contains("1 到 5 分", (await phone.ReadAsync(outOfRange)).QuerySelector("[data-testid=errors]")!.TextContent);
        using (var scope = app.Factory.Services.CreateScope()) Assert.Equal(0, await DeliveryData.Db(scope).SurveyResponses.CountAsync(r => r.ProjectId == project));

        var ok = await phone.SubmitAsync($"/Survey/{token}", new(Core()) { ["Answer.Items[101]"] = "2", ["Answer.Items[103]"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var items = await DeliveryData.Db(scope).SurveyItemAnswers.Where(a => a.ProjectId == project).OrderBy(a => a.QuestionId).Select(a => new { a.QuestionId, a.Score }).ToListAsync();
            Assert.Equal([(101, 2), (103, 5)], items.Select(i => (i.QuestionId, i.Score)));
        }

        // The results show the targeted item, and once answers exist the questions are fixed.
        var (_, results) = await staff.GetAsync($"/Surveys/Project/{project}");
        Assert.Contains("饭菜口味", results.QuerySelector("[data-testid=items]")!.TextContent);
        var (_, again) = await staff.GetAsync($"/Surveys/Compose/{project}");
        var refused = await staff.Client.PostAsync($"/Surveys/Compose/{project}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", again.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("QuestionIds", "102"),
        ]));
        Assert.Contains("已有答卷", (await staff.ReadAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent);
        using (var scope = app.Factory.Services.CreateScope())
            Assert.Equal([101, 103], await DeliveryData.Db(scope).SurveyItems.Where(i => i.ProjectId == project).Select(i => i.QuestionId).OrderBy(q => q).ToListAsync());
    }

    [Fact]
    public async Task Unknown_questions_and_other_communities_are_refused()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, form) = await staff.GetAsync($"/Surveys/Compose/{project}");
        var bad = await staff.Client.PostAsync($"/Surveys/Compose/{project}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("QuestionIds", "1"), new("QuestionIds", "999999"),
        ]));
        Assert.Contains("不在题库中", (await staff.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
        using (var scope = app.Factory.Services.CreateScope()) Assert.False(await DeliveryData.Db(scope).Surveys.AnyAsync(s => s.ProjectId == project));

        var elsewhere = await DeliveryData.ProjectAsync(app.Factory, 2043, community: "440310001003");
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync($"/Surveys/Compose/{elsewhere}")).Status);
    }
}
