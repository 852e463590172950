using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demands;

/// <summary>
/// The import's write path, inside the import's transaction, bypassing the change tracker: on SQLite one prepared
/// INSERT reused for every row; on PostgreSQL a binary COPY into a temporary table and one INSERT … SELECT at the end.
/// Both skip rows whose case number is already stored or repeated in the file (ON CONFLICT DO NOTHING). Table and
/// column names come from the EF model. Scope checks were done row by row before (the importer refuses
/// communities outside the user's scope).
/// </summary>
public abstract class DemandInsert : IAsyncDisposable
{
    protected static readonly string[] Columns =
    [
        nameof(Demand.Text), nameof(Demand.Channel), nameof(Demand.RegionId), nameof(Demand.SubmittedAtUtc), nameof(Demand.Status),
        nameof(Demand.TrackingCode), nameof(Demand.ExternalCaseNumber), nameof(Demand.Location), nameof(Demand.Category),
        nameof(Demand.AgeBand), nameof(Demand.ResidentType), nameof(Demand.Groups), nameof(Demand.RecordedByUserId),
    ];

    protected string Table { get; private init; } = "";
    protected Func<string, string> Column { get; private init; } = c => c;

    public static async Task<DemandInsert> CreateAsync(WeishiDbContext db, DbTransaction transaction, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(Demand))!;
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName(store) + "\"";
        var connection = db.Database.GetDbConnection();
        DemandInsert insert = connection is NpgsqlConnection pg
            ? new PostgresCopy(pg) { Table = "\"" + table + "\"", Column = Column }
            : new SqlitePrepared(connection, transaction) { Table = "\"" + table + "\"", Column = Column };
        await insert.StartAsync(ct);
        return insert;
    }

    protected abstract Task StartAsync(CancellationToken ct);

    /// <summary>Queues or writes one row.</summary>
    public abstract ValueTask AddAsync(Demand d, CancellationToken ct);

    /// <summary>Finishes the write; the rows added and the rows skipped as already stored.</summary>
    public abstract Task<(int Imported, int Skipped)> CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    protected string ColumnList => string.Join(", ", Columns.Select(Column));

    private sealed class SqlitePrepared(DbConnection connection, DbTransaction transaction) : DemandInsert
    {
        private DbCommand _command = null!;
        private DbParameter[] _parameters = [];
        private int _imported, _skipped;

        protected override Task StartAsync(CancellationToken ct)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            // Random tracking codes and case numbers touch index pages all over the file: give this connection a
            // 256 MB page cache instead of SQLite's 2 MB default so a million rows do not thrash the disk.
            _command.CommandText = "PRAGMA cache_size = -262144";
            _command.ExecuteNonQuery();
            _command.CommandText = $"INSERT INTO {Table} ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))}) " +
                $"ON CONFLICT ({Column(nameof(Demand.ExternalCaseNumber))}) DO NOTHING";
            _parameters = Columns.Select((_, i) =>
            {
                var p = _command.CreateParameter();
                p.ParameterName = "@p" + i;
                _command.Parameters.Add(p);
                return p;
            }).ToArray();
            _command.Prepare();
            return Task.CompletedTask;
        }

        public override ValueTask AddAsync(Demand d, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            var p = _parameters;
            p[0].Value = d.Text;
            p[1].Value = (int)d.Channel;
            p[2].Value = d.RegionId;
            p[3].Value = DateTime.SpecifyKind(d.SubmittedAtUtc, DateTimeKind.Utc);
            p[4].Value = (int)d.Status;
            p[5].Value = (object?)d.TrackingCode ?? DBNull.Value;
            p[6].Value = (object?)d.ExternalCaseNumber ?? DBNull.Value;
            p[7].Value = (object?)d.Location ?? DBNull.Value;
            p[8].Value = (object?)d.Category ?? DBNull.Value;
            p[9].Value = d.AgeBand is { } a ? (int)a : DBNull.Value;
            p[10].Value = d.ResidentType is { } t ? (int)t : DBNull.Value;
            p[11].Value = (int)d.Groups;
            p[12].Value = (object?)d.RecordedByUserId ?? DBNull.Value;
            // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway, plus a Task per row.
            if (_command.ExecuteNonQuery() == 1) _imported++;
            else _skipped++;
            return ValueTask.CompletedTask;
        }

        public override Task<(int Imported, int Skipped)> CompleteAsync(CancellationToken ct) => Task.FromResult((_imported, _skipped));

        public override ValueTask DisposeAsync() => _command?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private sealed class PostgresCopy(NpgsqlConnection connection) : DemandInsert
    {
        private const string Staging = "demand_import_staging";
        private NpgsqlBinaryImporter? _copy;
        private int _rows;

        protected override async Task StartAsync(CancellationToken ct)
        {
            await using (var create = connection.CreateCommand())
            {
                // Same column types as the table; dropped at the end of the import's transaction.
                create.CommandText = $"CREATE TEMP TABLE {Staging} ON COMMIT DROP AS SELECT {ColumnList} FROM {Table} WITH NO DATA";
                await create.ExecuteNonQueryAsync(ct);
            }
            _copy = await connection.BeginBinaryImportAsync($"COPY {Staging} ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        }

        public override async ValueTask AddAsync(Demand d, CancellationToken ct)
        {
            var c = _copy!;
            await c.StartRowAsync(ct);
            await c.WriteAsync(d.Text, NpgsqlDbType.Varchar, ct);
            await c.WriteAsync((int)d.Channel, NpgsqlDbType.Integer, ct);
            await c.WriteAsync(d.RegionId, NpgsqlDbType.Integer, ct);
            await c.WriteAsync(DateTime.SpecifyKind(d.SubmittedAtUtc, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
            await c.WriteAsync((int)d.Status, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(c, d.TrackingCode, ct);
            await WriteTextAsync(c, d.ExternalCaseNumber, ct);
            await WriteTextAsync(c, d.Location, ct);
            await WriteTextAsync(c, d.Category, ct);
            await WriteIntAsync(c, d.AgeBand is { } a ? (int)a : null, ct);
            await WriteIntAsync(c, d.ResidentType is { } t ? (int)t : null, ct);
            await c.WriteAsync((int)d.Groups, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(c, d.RecordedByUserId, ct);
            _rows++;
        }

        private static Task WriteTextAsync(NpgsqlBinaryImporter c, string? value, CancellationToken ct) =>
            value is null ? c.WriteNullAsync(ct) : c.WriteAsync(value, NpgsqlDbType.Varchar, ct);

        private static Task WriteIntAsync(NpgsqlBinaryImporter c, int? value, CancellationToken ct) =>
            value is null ? c.WriteNullAsync(ct) : c.WriteAsync(value.Value, NpgsqlDbType.Integer, ct);

        public override async Task<(int Imported, int Skipped)> CompleteAsync(CancellationToken ct)
        {
            await _copy!.CompleteAsync(ct);
            await _copy.DisposeAsync();
            _copy = null;
            await using var insert = connection.CreateCommand();
            // DO NOTHING also skips a case number repeated within the file.
            insert.CommandText = $"INSERT INTO {Table} ({ColumnList}) SELECT {ColumnList} FROM {Staging} " +
                $"ON CONFLICT ({Column(nameof(Demand.ExternalCaseNumber))}) DO NOTHING";
            insert.CommandTimeout = 0;
            var imported = await insert.ExecuteNonQueryAsync(ct);
            return (imported, _rows - imported);
        }

        public override async ValueTask DisposeAsync()
        {
            // Disposing an unfinished COPY cancels it: nothing of it reaches the staging table.
            if (_copy is not null) await _copy.DisposeAsync();
            _copy = null;
        }
    }
}
