using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Infrastructure.Data;

// One subclass per provider so that each has its own migrations set (EF Core's documented approach).

public sealed class SqliteWeishiDbContext(DbContextOptions<SqliteWeishiDbContext> options, ICurrentScope scope, TimeProvider time)
    : WeishiDbContext(options, scope, time);

public sealed class PostgresWeishiDbContext(DbContextOptions<PostgresWeishiDbContext> options, ICurrentScope scope, TimeProvider time)
    : WeishiDbContext(options, scope, time);
