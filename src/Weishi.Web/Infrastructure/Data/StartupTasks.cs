using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weishi.Web.Features.Demo;

namespace Weishi.Web.Infrastructure.Data;

public static class StartupTasks
{
    /// <summary>
    /// Migrates the database, adds the reference data every installation needs and, when <see cref="SeedsDemo"/>,
    /// loads the Pingshan demo into an empty one. On PostgreSQL instances starting together take turns
    /// (<see cref="StartupLock"/>), so only the first seeds and the others find its projects.
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        await using var turn = await StartupLock.AcquireAsync(db);
        await DatabaseSetup.MigrateAsync(db);
        await EnsureReferenceDataAsync(db);
        var hashed = await Features.Demands.DemandContact.BackfillHashesAsync(db, scope.ServiceProvider.GetRequiredService<Privacy.PersonalData>());
        if (hashed > 0) Console.WriteLine($"已为 {hashed} 条需求补全联系电话的检索哈希");
        var mined = await Features.Mining.MiningRegionBackfill.BackfillAsync(db);
        if (mined > 0) Console.WriteLine($"已为 {mined} 次较早的需求分析补全需求和主题所在的社区");
        if (SeedsDemo(app.Configuration) && !await db.Projects.IgnoreQueryFilters().AnyAsync())
        {
            Console.WriteLine("正在载入坪山区演示数据……");
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new ConsoleProgress());
        }
    }

    /// <summary>
    /// Whether a start loads the demo into an empty database: as `Demo:Seed` says when it is set; otherwise only on
    /// SQLite, the provider of `dotnet run` on a workstation. A PostgreSQL installation is taken for a real one: its
    /// demo (with the demo accounts and their published password) must be asked for with Demo__Seed=true.
    /// </summary>
    public static bool SeedsDemo(IConfiguration config) =>
        config.GetValue<bool?>("Demo:Seed") ?? !DatabaseSetup.IsPostgres(config);

    /// <summary>Reference data that pages only read: added when missing, so every start may run it.</summary>
    public static async Task EnsureReferenceDataAsync(WeishiDbContext db, CancellationToken ct = default)
    {
        await Features.Regions.RegionSeed.EnsureAsync(db, ct);
        await Features.Evaluation.DefaultTrees.EnsureAsync(db, ct);
    }

    public static void PrintWelcome(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Console.WriteLine();
            Console.WriteLine("微实事 Weishi 已启动：" + string.Join("  ", app.Urls));
            Console.WriteLine($"数据库：{(DatabaseSetup.IsPostgres(app.Configuration) ? "PostgreSQL" : "SQLite")}");
            Console.WriteLine(DemoAccounts.Describe());
            if (DatabaseSetup.IsPostgres(app.Configuration) && !app.Services.GetRequiredService<IOptions<Sms.SmsGatewayOptions>>().Value.IsConfigured)
                Console.WriteLine("注意：未配置短信网关（Sms:Gateway:Url），验证码和测评链接只记录在 /Admin/Outbox，不会发到居民手机。");
        });
    }
}

/// <summary>Shows the progress of long work on the command line.</summary>
public sealed class ConsoleProgress : IProgress<(int Percent, string Step)>
{
    public void Report((int Percent, string Step) value)
    {
        var filled = value.Percent / 5;
        Console.WriteLine($"[{new string('#', filled)}{new string('.', 20 - filled)}] {value.Percent,3}% {value.Step}");
    }
}
