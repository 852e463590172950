using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demands;

/// <summary>
/// Multi-row prepared INSERTs (50 rows a statement) reused for every imported row, inside the import's transaction:
/// a million rows in about a minute rather than many through the change tracker. Rows whose case number is already
/// stored are skipped by ON CONFLICT DO NOTHING. Table and column names come from the EF model. Scope checks were
/// done row by row before (the importer refuses communities outside the user's scope).
/// </summary>
public sealed class DemandInsert : IAsyncDisposable
{
    private const int RowsPerStatement = 50;

    private static readonly string[] Columns =
    [
        nameof(Demand.Text), nameof(Demand.Channel), nameof(Demand.RegionId), nameof(Demand.SubmittedAtUtc), nameof(Demand.Status),
        nameof(Demand.TrackingCode), nameof(Demand.ExternalCaseNumber), nameof(Demand.Location), nameof(Demand.Category),
        nameof(Demand.AgeBand), nameof(Demand.ResidentType), nameof(Demand.Groups), nameof(Demand.RecordedByUserId),
    ];

    private readonly WeishiDbContext _db;
    private readonly DbTransaction _transaction;
    private readonly string _head;
    private readonly string _tail;
    private readonly List<Demand> _pending = new(RowsPerStatement);
    private DbCommand? _full;

    /// <summary>Rows actually added so far (the rest of those given were already there).</summary>
    public int Inserted { get; private set; }
    public int Given { get; private set; }

    private DemandInsert(WeishiDbContext db, DbTransaction transaction, string head, string tail)
    {
        _db = db;
        _transaction = transaction;
        _head = head;
        _tail = tail;
    }

    public static DemandInsert Create(WeishiDbContext db, DbTransaction transaction)
    {
        var entity = db.Model.FindEntityType(typeof(Demand))!;
        var table = entity.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName(store) + "\"";
        if (db.Database.IsSqlite())
        {
            // Random tracking codes and case numbers touch index pages all over the file: give this connection a
            // 256 MB page cache instead of SQLite's 2 MB default so a million rows do not thrash the disk.
            using var pragma = db.Database.GetDbConnection().CreateCommand();
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -262144";
            pragma.ExecuteNonQuery();
        }
        return new DemandInsert(db, transaction,
            $"INSERT INTO \"{table}\" ({string.Join(", ", Columns.Select(Column))}) VALUES ",
            $" ON CONFLICT ({Column(nameof(Demand.ExternalCaseNumber))}) DO NOTHING");
    }

    public async Task AddAsync(Demand d, CancellationToken ct)
    {
        _pending.Add(d);
        Given++;
        if (_pending.Count == RowsPerStatement) await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        if (_pending.Count == RowsPerStatement)
        {
            _full ??= Command(RowsPerStatement);
            Inserted += await ExecuteAsync(_full, ct);
        }
        else
        {
            await using var rest = Command(_pending.Count);
            Inserted += await ExecuteAsync(rest, ct);
        }
        _pending.Clear();
    }

    private DbCommand Command(int rows)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = _head + string.Join(", ", Enumerable.Range(0, rows)
            .Select(r => "(" + string.Join(", ", Columns.Select((_, c) => $"@p{r * Columns.Length + c}")) + ")")) + _tail;
        for (var i = 0; i < rows * Columns.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            command.Parameters.Add(p);
        }
        return command;
    }

    private async Task<int> ExecuteAsync(DbCommand command, CancellationToken ct)
    {
        for (var r = 0; r < _pending.Count; r++)
        {
            var d = _pending[r];
            object?[] values =
            [
                d.Text, (int)d.Channel, d.RegionId, DateTime.SpecifyKind(d.SubmittedAtUtc, DateTimeKind.Utc), (int)d.Status,
                d.TrackingCode, d.ExternalCaseNumber, d.Location, d.Category,
                d.AgeBand is { } a ? (int)a : null, d.ResidentType is { } t ? (int)t : null, (int)d.Groups, d.RecordedByUserId,
            ];
            for (var c = 0; c < values.Length; c++) command.Parameters[r * Columns.Length + c].Value = values[c] ?? DBNull.Value;
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_full is not null) await _full.DisposeAsync();
    }
}
