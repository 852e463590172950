using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Infrastructure.Data;
using Xunit;

namespace Weishi.Tests.Foundation;

/// <summary>
/// `seed-demo --force` empties the business tables with bulk deletes, which the row audit never sees: it leaves one
/// summary row of what it deleted. On an app of its own: the test empties the database.
/// </summary>
public class DemoReloadAuditTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Reloading_the_demo_with_force_records_what_it_deleted_before_what_it_loaded()
    {
        await using var factory = new WeishiAppFactory(_db, seedDemo: false);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            db.Contractors.Add(new Contractor { Name = "清空前的承接单位", CreditCode = "52440310MJL000001X", Type = ContractorType.SocialOrganisation,
                Address = "深圳市坪山区", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var (code, _, err) = await CliRunner.RunAsync(factory, "seed-demo", "--force");
        Assert.True(code == 0, err);

        using var check = factory.Services.CreateScope();
        var log = await check.ServiceProvider.GetRequiredService<WeishiDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Entity == "DemoData").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Deleted", "Added"], log.Select(a => a.Action));
        Assert.Contains("承接单位 1", log[0].Before);
    }
}
