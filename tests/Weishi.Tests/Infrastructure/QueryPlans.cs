using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Infrastructure;

/// <summary>
/// The SQL commands EF runs while an action runs (EF's diagnostic events, from every application in the test process:
/// filter them) and SQLite's plan of one of them. SQLite chooses its plan without statistics, so the plan on a small
/// table is the plan on a large one.
/// </summary>
public static class QueryPlans
{
    public static async Task<List<(string Text, List<(string Name, object? Value)> Parameters)>> CommandsDuringAsync(Func<Task> action)
    {
        var commands = new List<(string Text, List<(string Name, object? Value)> Parameters)>();
        using var observer = new CommandObserver(commands);
        using (DiagnosticListener.AllListeners.Subscribe(observer))
            await action();
        lock (commands) return [.. commands];
    }

    /// <summary>The steps of SQLite's EXPLAIN QUERY PLAN of the command, e.g. "SEARCH d USING INDEX … (RunId=?)".</summary>
    public static async Task<List<string>> PlanAsync(WeishiDbContext db, string text, List<(string Name, object? Value)> parameters)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + text;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }

    private sealed class CommandObserver(List<(string Text, List<(string Name, object? Value)> Parameters)> commands)
        : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (subscriptions) subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData data) return;
            var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            lock (commands) commands.Add((data.Command.CommandText, parameters));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (subscriptions) subscriptions.ForEach(s => s.Dispose());
        }
    }
}
