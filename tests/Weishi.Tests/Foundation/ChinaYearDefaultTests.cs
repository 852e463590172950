using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Contractors;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Foundation;

/// <summary>
/// Pages that default to "this year" (or the next year, for planning) when the database has no year to offer take it
/// from the application's clock in China: at 17:00 UTC on 31 December it is already 1 January of the next year in 坪山.
/// On a database of its own without the demo (with the demo the years come from its projects and budgets).
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
        await CreateUserAsync(factory, "cs-year", "CommunityStaff", "440310001001");
        await CreateUserAsync(factory, "da-year", "DistrictAdmin", "440310");
        var contractor = await ContractorTestData.CreateAsync(factory);
        var contractorUser = await ContractorTestData.CreateUserAsync(factory, contractor.Code);
        var subdistrictId = await TestData.RegionIdAsync(factory, "440310001");

        // The clock only moves forward: the next 31 December 17:00 UTC.
        var now = factory.Clock.GetUtcNow();
        var eve = new DateTimeOffset(now.Year, 12, 31, 17, 0, 0, TimeSpan.Zero);
        if (eve <= now) eve = eve.AddYears(1);
        using var shift = factory.Clock.Advance(eve - now);
        var chinaYear = eve.Year + 1;
        string Y(int year) => year.ToString(CultureInfo.InvariantCulture);
        // Signed in at the moved time.
        var staff = await Browser.LoginAsync(factory, "cs-year", "Yearpass123");
        var district = await Browser.LoginAsync(factory, "da-year", "Yearpass123");
        var own = await Browser.LoginAsync(factory, contractorUser);

        // Every page is checked before failing, so a failure names all the pages still on the UTC year.
        var wrong = new List<string>();
        async Task Expect(Browser browser, string url, string expected, Func<IHtmlDocument, string?> shown)
        {
            var (_, page) = await browser.GetAsync(url);
            var text = shown(page);
            if (text is null || !text.Contains(expected, StringComparison.Ordinal)) wrong.Add($"{url}: expected “{expected}”, shows “{text?.Trim()}”");
        }

        await Expect(staff, "/Findings", Y(chinaYear), p => p.QuerySelector("input[name=to]")?.GetAttribute("value"));
        await Expect(staff, "/Findings", $"—{chinaYear}年", p => p.QuerySelector("[data-testid=summary]")?.TextContent);
        await Expect(staff, "/Home/Workbench", $"{chinaYear} 年项目", p => p.Body?.TextContent);
        await Expect(staff, "/Budgets", Y(chinaYear), p => p.QuerySelector("input[name=year]")?.GetAttribute("value"));
        await Expect(staff, "/Screening/Rubric", Y(chinaYear + 1), p => p.QuerySelector("h1")?.TextContent);
        await Expect(staff, "/Screening/Rules", Y(chinaYear + 1), p => p.QuerySelector("h2")?.TextContent);
        await Expect(Browser.For(factory), "/Public/Rubric", Y(chinaYear + 1), p => p.QuerySelector("h1")?.TextContent);
        await Expect(staff, "/Council", Y(chinaYear + 1), p => p.QuerySelector("#cyear")?.GetAttribute("value"));
        await Expect(staff, "/Selection", Y(chinaYear + 1), p => p.QuerySelector("#year")?.GetAttribute("value"));
        await Expect(staff, "/Proposals/Create", Y(chinaYear + 1), p => p.QuerySelector("a[href^='/Public/Rubric?year=']")?.GetAttribute("href"));
        await Expect(district, $"/Delivery/Execution?subdistrictId={subdistrictId}", Y(chinaYear), p => p.QuerySelector("nav a[href^='/Delivery/Execution?year=']")?.GetAttribute("href"));
        await Expect(district, "/Contractors/SpotChecks", Y(chinaYear), p => p.QuerySelector("input[name=Year]")?.GetAttribute("value"));

        // A contractor may declare a past project of this year (China's), and no later.
        var declared = await own.SubmitAsync("/Contractors/Profile",
            new() { ["NewDeclared.Year"] = Y(chinaYear), ["NewDeclared.Name"] = "元旦长者探访", ["NewDeclared.AmountYuan"] = "1000" },
            postUrl: "/Contractors/Profile?handler=Declared", formSelector: "[data-testid=declared-form]");
        if (!await ContractorTestData.WithDbAsync(factory, db => db.DeclaredProjects.AnyAsync(d => d.ContractorId == contractor.Id && d.Year == chinaYear)))
            wrong.Add($"/Contractors/Profile: a project declared for {chinaYear} was refused ({(int)declared.StatusCode})");

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static async Task CreateUserAsync(WeishiAppFactory factory, string user, string role, string scope)
    {
        var (code, _, err) = await CliRunner.RunAsync(factory, "create-user", "--user", user, "--password", "Yearpass123", "--role", role, "--scope", scope);
        Assert.True(code == 0, err);
    }
}
