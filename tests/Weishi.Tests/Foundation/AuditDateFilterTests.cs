using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

/// <summary>The audit log is searched by the China days of its entries, both ends included.</summary>
[Collection(DemoCollection.Name)]
public class AuditDateFilterTests(DemoApp app)
{
    private async Task RenameOnAsync(int projectId, DateOnly day, string name)
    {
        using var then = app.Factory.Clock.AdvanceTo(day);
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        (await db.Projects.SingleAsync(p => p.Id == projectId)).Name = name;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Entries_are_found_by_the_days_they_were_made_on()
    {
        var projectId = await TestData.CreateProjectAsync(app.Factory, "440310001001", 2067, 1_000_00, ProjectStatus.Draft);
        await RenameOnAsync(projectId, new DateOnly(2067, 5, 10), "五月十日的名称");
        await RenameOnAsync(projectId, new DateOnly(2067, 5, 12), "五月十二日的名称");
        await RenameOnAsync(projectId, new DateOnly(2067, 5, 14), "五月十四日的名称");
        var auditor = await Browser.LoginAsync(app.Factory, "auditor");

        var (_, page) = await auditor.GetAsync($"/Audit?entity=Project&entityId={projectId}&from=2067-05-11&to=2067-05-12");
        var rows = page.QuerySelectorAll("[data-testid=audit-table] tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("五月十二日的名称", row.TextContent);
        Assert.Equal("2067-05-11", page.QuerySelector("input[name=from]")!.GetAttribute("value"));

        var (_, wrongWay) = await auditor.GetAsync($"/Audit?entity=Project&entityId={projectId}&from=2067-05-14&to=2067-05-10");
        Assert.Contains("起始日期不能晚于截止日期", wrongWay.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Empty(wrongWay.QuerySelectorAll("[data-testid=audit-table] tbody tr"));
    }
}
