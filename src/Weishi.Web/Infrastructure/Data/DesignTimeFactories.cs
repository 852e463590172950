using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Infrastructure.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened for that.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWeishiDbContext>
{
    public SqliteWeishiDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteWeishiDbContext>().UseSqlite("Data Source=design.db").Options,
        new FixedScope(UserScope.System), TimeProvider.System);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWeishiDbContext>
{
    public PostgresWeishiDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresWeishiDbContext>().UseNpgsql("Host=localhost;Database=design").Options,
        new FixedScope(UserScope.System), TimeProvider.System);
}
