using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Weishi.Web.Infrastructure.Data;

/// <summary>
/// Makes instances that start on one PostgreSQL database prepare it one after another: a session advisory lock on a
/// connection of its own, held while migrating, adding reference data and seeding. EF Core's own migration lock covers
/// only the migrations, so without it two instances on an empty database would both load the demo. The lock goes
/// with the session if the process dies. SQLite serves one instance and needs none.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>Any fixed number: the lock's name ("weishi" in ASCII).</summary>
    public const long Key = 0x776569736869;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(WeishiDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return new StartupLock(null);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            // Waits as long as the other instance needs (seeding takes a while), not the default 30 s.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        // Unlocked explicitly: a pooled connection keeps its session (and the lock) until it is reused.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
        {
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
