using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Foundation;

/// <summary>
/// Pages that default to "this year" when the database has no year to offer take it from the application's clock in
/// China: at 17:00 UTC on 31 December it is already 1 January of the next year in 坪山. On a database of its own without
/// the demo (with the demo the years come from its projects and budgets).
/// </summary>
public class ChinaYearDefaultTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task On_31_december_after_16_00_utc_the_pages_default_to_the_next_year()
    {
        await using var factory = new WeishiAppFactory(_db, seedDemo: false);
        var (code, _, err) = await CliRunner.RunAsync(factory, "create-user", "--user", "cs-year", "--password", "Yearpass123",
            "--role", "CommunityStaff", "--scope", "440310001001");
        Assert.True(code == 0, err);

        // The clock only moves forward: the next 31 December 17:00 UTC.
        var now = factory.Clock.GetUtcNow();
        var eve = new DateTimeOffset(now.Year, 12, 31, 17, 0, 0, TimeSpan.Zero);
        if (eve <= now) eve = eve.AddYears(1);
        using var shift = factory.Clock.Advance(eve - now);
        var chinaYear = eve.Year + 1;
        var staff = await Browser.LoginAsync(factory, "cs-year", "Yearpass123");   // signed in at the moved time

        var (_, findings) = await staff.GetAsync("/Findings");
        Assert.Equal(chinaYear.ToString(System.Globalization.CultureInfo.InvariantCulture), findings.QuerySelector("input[name=to]")!.GetAttribute("value"));
        Assert.Contains($"–{chinaYear} 年", findings.QuerySelector("[data-testid=summary]")!.TextContent);
        var (_, workbench) = await staff.GetAsync("/Home/Workbench");
        Assert.Contains($"{chinaYear} 年项目", workbench.Body!.TextContent);
        Assert.DoesNotContain($"{eve.Year} 年项目", workbench.Body!.TextContent);
    }
}
