using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Publicity;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>The portal shows exactly what was approved: nothing before 公示中 leaks.</summary>
[Collection(DemoCollection.Name)]
public class PortalTests(DemoApp app)
{
    [Fact]
    public async Task Only_approved_projects_are_listed_and_opened_on_the_portal()
    {
        var visible = new List<int>();
        var hidden = new List<int>();
        foreach (var status in Enum.GetValues<ProjectStatus>())
        {
            var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2071, 1_0000_00, status);
            (Web.Features.Projects.ProjectWorkflow.Committed.Contains(status) ? visible : hidden).Add(id);
        }
        Assert.Equal(4, visible.Count);
        var visitor = Browser.For(app.Factory);
        var names = await Fixtures.QueryAsync(app.Factory, db => db.Projects.Where(p => p.Year == 2071).ToDictionaryAsync(p => p.Id, p => p.Name));

        var (status200, list) = await visitor.GetAsync("/Public/Projects?year=2071");
        Assert.Equal(HttpStatusCode.OK, status200);
        var listed = list.QuerySelectorAll("[data-testid=public-projects] tbody tr td a").Select(a => a.TextContent.Trim()).ToHashSet();
        foreach (var id in visible) Assert.Contains(names[id], listed);
        foreach (var id in hidden) Assert.DoesNotContain(names[id], listed);
        Assert.Equal(visible.Count, list.QuerySelectorAll("[data-testid=public-projects] tbody tr").Length);

        foreach (var id in hidden)
        {
            var (code, body) = await visitor.GetAsync($"/Public/Projects/Detail/{id}");
            Assert.Equal(HttpStatusCode.NotFound, code);
            Assert.Null(body.QuerySelector("[data-testid=public-name]"));
        }
        foreach (var id in visible)
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/Public/Projects/Detail/{id}")).Status);
    }

    [Fact]
    public async Task Objections_are_refused_outside_publicity_and_when_empty()
    {
        var running = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2072, 1_0000_00, ProjectStatus.InProgress);
        var visitor = Browser.For(app.Factory);
        var (_, page) = await visitor.GetAsync($"/Public/Projects/Detail/{running}");
        Assert.Null(page.QuerySelector("form"));
        // Posting anyway (with a token from the login page) changes nothing.
        var r = await visitor.SubmitAsync("/Account/Login", new() { ["text"] = "我有异议，请说明" }, postUrl: $"/Public/Projects/Detail/{running}?handler=Object");
        Assert.Contains("不在公示期内", Fixtures.Errors(await visitor.ReadAsync(r)));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Objections.CountAsync(o => o.ProjectId == running)));
    }

    [Fact]
    public async Task A_refused_objection_shows_the_form_again_with_what_the_resident_typed()
    {
        var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2074, 1_0000_00, ProjectStatus.Publicity);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            db.PublicityNotices.Add(new PublicityNotice { ProjectId = id, StartsAtUtc = DateTime.UtcNow.AddDays(-1), EndsAtUtc = DateTime.UtcNow.AddDays(60), Days = 7 });
            await db.SaveChangesAsync();
        });
        var visitor = Browser.For(app.Factory);
        var url = $"/Public/Projects/Detail/{id}";

        var r = await visitor.SubmitAsync(url, new() { ["text"] = "QA异议：讲座太少了吧<b>加粗</b>", ["phone"] = "abc" }, postUrl: $"{url}?handler=Object");
        var html = await r.Content.ReadAsStringAsync();
        var page = await visitor.ReadAsync(r);
        Assert.Contains("手机号码", Fixtures.Errors(page));
        Assert.Equal("QA异议：讲座太少了吧<b>加粗</b>", page.QuerySelector("textarea[name=text]")!.TextContent);
        Assert.Equal("abc", page.QuerySelector("input[name=phone]")!.GetAttribute("value"));
        Assert.Contains("&lt;b&gt;", html);   // shown again, encoded
        Assert.DoesNotContain("<b>", html);

        r = await visitor.SubmitAsync(url, new() { ["text"] = "太少", ["phone"] = "13800138000" }, postUrl: $"{url}?handler=Object");
        page = await visitor.ReadAsync(r);
        Assert.Contains("5 到 1000 字", Fixtures.Errors(page));
        Assert.Equal("太少", page.QuerySelector("textarea[name=text]")!.TextContent);
        Assert.Equal("13800138000", page.QuerySelector("input[name=phone]")!.GetAttribute("value"));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Objections.CountAsync(o => o.ProjectId == id)));
    }

    [Fact]
    public async Task The_rubric_and_negative_list_are_published_for_anyone()
    {
        await Fixtures.PublishRubricAsync(app.Factory, 2073);
        var (status, page) = await Browser.For(app.Factory).GetAsync("/Public/Rubric?year=2073");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("需求紧迫性与广泛性", page.QuerySelector("[data-testid=public-rubric]")!.TextContent);
        Assert.Contains("物业管理职责", page.QuerySelector("[data-testid=public-negative-list]")!.TextContent);
    }
}
