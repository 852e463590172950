using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Xunit;

namespace Weishi.Tests.Findings;

/// <summary>
/// The findings page without years: the latest evaluation's period the user may read, else the three years up to the
/// latest year with finished projects (not a later year whose projects are only under way). On a database of its own.
/// </summary>
public class DefaultPeriodTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static (string? From, string? To, string Summary) Shown(IHtmlDocument page) =>
        (page.QuerySelector("input[name=from]")?.GetAttribute("value"), page.QuerySelector("input[name=to]")?.GetAttribute("value"),
            page.QuerySelector("[data-testid=summary]")!.TextContent);

    [Fact]
    public async Task The_default_is_the_latest_evaluations_period_else_the_years_up_to_the_latest_finished_projects()
    {
        await using var factory = new WeishiAppFactory(_db, seedDemo: false);
        foreach (var (user, role, scope) in new[] { ("fin-period", "FinanceEvaluator", "440310"), ("cs-period", "CommunityStaff", "440310001001") })
        {
            var (code, _, err) = await CliRunner.RunAsync(factory, "create-user", "--user", user, "--password", "Periodpass123", "--role", role, "--scope", scope);
            Assert.True(code == 0, err);
        }
        await TestData.CreateProjectAsync(factory, "440310001001", 2030, 10_000_00, ProjectStatus.Accepted);
        await TestData.CreateProjectAsync(factory, "440310001001", 2031, 10_000_00, ProjectStatus.Completed);
        await TestData.CreateProjectAsync(factory, "440310001001", 2033, 10_000_00, ProjectStatus.InProgress);
        await TestData.CreateProjectAsync(factory, "440310001001", 2034, 10_000_00, ProjectStatus.Submitted);
        var finance = await Browser.LoginAsync(factory, "fin-period", "Periodpass123");
        var staff = await Browser.LoginAsync(factory, "cs-period", "Periodpass123");

        var (_, page) = await finance.GetAsync("/Findings");
        Assert.Equal(("2029", "2031"), (Shown(page).From, Shown(page).To));
        Assert.Contains("2029—2031年", Shown(page).Summary);
        Assert.Contains(DefaultPeriod.Rule, page.QuerySelector("[data-testid=period-rule]")!.TextContent);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var tree = await db.Set<IndicatorTree>().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            db.Add(new PerformanceEvaluation { Title = "测试期间评价", TreeId = tree, ScopeKind = EvaluationScopeKind.District, FromYear = 2021, ToYear = 2023, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        (_, page) = await finance.GetAsync("/Findings");
        Assert.Equal(("2021", "2023"), (Shown(page).From, Shown(page).To));
        Assert.Contains("测试期间评价", page.QuerySelector("[data-testid=period-rule]")!.TextContent);
        // Years the user names still win.
        (_, page) = await finance.GetAsync("/Findings?from=2030&to=2031");
        Assert.Equal(("2030", "2031"), (Shown(page).From, Shown(page).To));

        // A community worker does not read the district's evaluation: its default comes from its own projects.
        (_, page) = await staff.GetAsync("/Findings");
        Assert.Equal(("2029", "2031"), (Shown(page).From, Shown(page).To));
        Assert.DoesNotContain("测试期间评价", page.QuerySelector("[data-testid=period-rule]")!.TextContent);
    }
}
