using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Weishi.Web.Infrastructure.Data;

/// <summary>Database errors that callers handle, recognised on both providers.</summary>
public static class DbErrors
{
    /// <summary>A row another writer stored first: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE (2067).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };
}
