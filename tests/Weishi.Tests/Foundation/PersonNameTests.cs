using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Foundation;

/// <summary>Where a page says who did something it names the person (display name), not the login; the app is 系统.</summary>
[Collection(DemoCollection.Name)]
public class PersonNameTests(DemoApp app)
{
    [Fact]
    public async Task The_rubric_versions_name_who_published_them_by_display_name_with_the_login_as_a_tooltip()
    {
        await ProposalToApproval.Fixtures.PublishRubricAsync(app.Factory, 2068);   // the district publishes version 1
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Screening/Rubric?year=2068");
        var who = page.QuerySelector("[data-testid=rubric-versions] li span[data-login]")!;
        Assert.Equal("区民政局 王主任", who.TextContent);
        Assert.Equal("登录名：district", who.GetAttribute("title"));
        Assert.DoesNotContain("· district", page.QuerySelector("[data-testid=rubric-versions]")!.TextContent);
    }

    [Fact]
    public async Task A_spot_check_drawn_by_the_application_reads_as_the_system()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Contractors/SpotChecks");
        var names = page.QuerySelectorAll("[data-testid=draws] span[data-login]").ToList();
        Assert.Contains(names, n => n.GetAttribute("data-login") == "system" && n.TextContent == "系统");   // the demo's draws
        Assert.DoesNotContain(names, n => n.TextContent == "system");
    }

    [Fact]
    public async Task The_evaluation_list_names_its_creator()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await Evaluation.EvaluationScopeTests.CreateAsync(app.Factory, finance, "District", null);
        var (_, list) = await finance.GetAsync("/Evaluation");
        var row = list.QuerySelector($"[data-testid=evaluations] tr[data-id='{id}']")!;
        Assert.Equal("区财政局 评价组", row.QuerySelector("span[data-login=finance]")!.TextContent);
    }
}
