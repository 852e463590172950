using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

[Collection(DemoCollection.Name)]
public class MigrationTests(DemoApp app)
{
    [Fact]
    public async Task All_migrations_are_applied_and_the_model_matches_them()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        Assert.Equal(app.Factory.Database.Provider == "Postgres", db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrating_again_is_harmless()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        Assert.True(await db.Regions.AnyAsync());
    }
}
