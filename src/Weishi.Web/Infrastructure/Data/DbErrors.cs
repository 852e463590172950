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

    /// <summary>
    /// Adds and saves <paramref name="entity"/> unless a unique index refuses it because another writer stored its twin
    /// first: false then, and the entity is detached so that the context's later saves go on.
    /// </summary>
    public static async Task<bool> TryAddAsync<T>(WeishiDbContext db, T entity, CancellationToken ct) where T : class
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.Entry(entity).State = EntityState.Detached;
            return false;
        }
    }
}
