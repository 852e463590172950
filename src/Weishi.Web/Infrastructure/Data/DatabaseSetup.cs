using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Weishi.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    public static bool IsPostgres(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>SQLite by default (a file under data/), PostgreSQL with Database__Provider=Postgres.</summary>
    public static IServiceCollection AddWeishiDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        if (IsPostgres(config))
        {
            var cs = config.GetConnectionString("Weishi")
                ?? throw new InvalidOperationException("使用 PostgreSQL 时必须设置连接字符串 ConnectionStrings__Weishi");
            services.AddDbContext<WeishiDbContext, PostgresWeishiDbContext>(o => o.UseNpgsql(cs));
        }
        else
        {
            var cs = config.GetConnectionString("Weishi") ?? DefaultSqlite(contentRoot);
            EnsureSqliteFolder(cs);
            services.AddDbContext<WeishiDbContext, SqliteWeishiDbContext>(o => o.UseSqlite(cs));
        }
        return services;
    }

    public static string DefaultSqlite(string contentRoot) =>
        $"Data Source={Path.Combine(contentRoot, "data", "weishi.db")}";

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }

    /// <summary>Applies migrations; on SQLite also switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(WeishiDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
