using Npgsql;

namespace Weishi.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one fixture: a temp SQLite file, or — when WEISHI_TEST_DB=postgres — a fresh
/// database on the PostgreSQL server named by WEISHI_TEST_PG (started by scripts/test.sh).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _pgDatabase;
    private readonly string? _sqliteFolder;

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("WEISHI_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    private TestDatabase(string provider, string connectionString, string? pgDatabase, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _pgDatabase = pgDatabase;
        _sqliteFolder = sqliteFolder;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!UsePostgres)
        {
            var folder = Path.Combine(Path.GetTempPath(), "weishi-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "weishi.db")}", null, folder);
        }
        var server = Environment.GetEnvironmentVariable("WEISHI_TEST_PG")
            ?? throw new InvalidOperationException("WEISHI_TEST_PG is not set; run the suite through scripts/test.sh");
        var name = "weishi_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new TestDatabase("Postgres", $"{server};Database={name};Include Error Detail=true", name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable("WEISHI_TEST_PG")!;
            await using var conn = new NpgsqlConnection(server + ";Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, true); } catch (IOException) { }
        }
    }
}
