using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Infrastructure.Data;

// One subclass per provider so that each has its own migrations set (EF Core's documented approach).

public sealed class SqliteWeishiDbContext(DbContextOptions<SqliteWeishiDbContext> options, ICurrentScope scope, TimeProvider time)
    : WeishiDbContext(options, scope, time);

public sealed class PostgresWeishiDbContext(DbContextOptions<PostgresWeishiDbContext> options, ICurrentScope scope, TimeProvider time)
    : WeishiDbContext(options, scope, time)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Rate-limit counts need no durability (a crash only restarts the windows), so they skip the write-ahead log and
        // its flush at every commit: about 0.2 ms a count instead of 3.5 ms (bench/README.md, "Rate limits counted in PostgreSQL").
        builder.Entity<RateLimits.RateLimitWindow>().IsUnlogged();
    }
}
