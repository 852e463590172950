using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

/// <summary>
/// The demo (with its accounts and the password the README prints) loads by itself only where `dotnet run` puts it:
/// SQLite. A PostgreSQL installation gets it only when Demo:Seed says so, and instances starting together on one empty
/// PostgreSQL database load it once. Each test starts the app on a database of its own.
/// </summary>
public class DemoSeedDefaultTests
{
    private static IConfiguration Config(string? provider, string? seed)
    {
        var values = new Dictionary<string, string?>();
        if (provider is not null) values["Database:Provider"] = provider;
        if (seed is not null) values["Demo:Seed"] = seed;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Theory]
    [InlineData(null, null, true)]          // dotnet run: SQLite by default
    [InlineData("Sqlite", null, true)]
    [InlineData("Sqlite", "false", false)]
    [InlineData("Postgres", null, false)]   // a production start that does not mention the demo
    [InlineData("postgres", null, false)]
    [InlineData("Postgres", "false", false)]
    [InlineData("Postgres", "true", true)]  // asked for (scripts/test.sh's fixtures, a demo server)
    public void The_demo_loads_by_default_on_sqlite_only(string? provider, string? seed, bool seeds) =>
        Assert.Equal(seeds, StartupTasks.SeedsDemo(Config(provider, seed)));

    [Fact]
    public async Task A_start_that_does_not_mention_the_demo_loads_it_on_sqlite_and_not_on_postgres()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new WeishiAppFactory(database, seedDemo: null);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var demo = database.Provider != "Postgres";
        Assert.Equal(demo, await db.Users.AnyAsync(u => u.UserName == "admin"));
        Assert.Equal(demo, await db.Projects.IgnoreQueryFilters().AnyAsync());
        // The reference data comes either way: accounts can be created straight away.
        Assert.True(await db.Regions.IgnoreQueryFilters().AnyAsync());
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_postgres_database_load_the_demo_once()
    {
        if (!TestDatabase.UsePostgres) return; // SQLite serves one instance; the lock is PostgreSQL's
        await using var database = await TestDatabase.CreateAsync();
        await using var first = new WeishiAppFactory(database);
        await using var second = new WeishiAppFactory(database);
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));
        using var scope = first.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        Assert.Equal(579, await db.Projects.IgnoreQueryFilters().CountAsync(p => p.Year == 2021));
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "admin"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Entity == "DemoData"));
    }
}
