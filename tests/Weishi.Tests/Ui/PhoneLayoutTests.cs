using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Ui;

/// <summary>On a 375px phone the workbench's seven-column budget table pushed the page 7px wide and broke 六联社区 into one character a line.</summary>
[Collection(DemoCollection.Name)]
public class PhoneLayoutTests(DemoApp app)
{
    [Fact]
    public async Task The_workbench_budget_table_scrolls_in_its_box_and_keeps_names_on_one_line()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, page) = await staff.GetAsync("/Home/Workbench");
        var table = page.QuerySelector("[data-testid=workbench-budgets]")!;
        Assert.Contains("table-responsive", table.ParentElement!.ClassList);
        var names = table.QuerySelectorAll("tbody tr td:first-child").ToList();
        Assert.NotEmpty(names);
        Assert.All(names, td => Assert.Contains("text-nowrap", td.ClassList));
    }
}
