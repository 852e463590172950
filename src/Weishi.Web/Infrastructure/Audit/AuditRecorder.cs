using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Weishi.Web.Infrastructure.Audit;

/// <summary>
/// Captures the before-state of audited entities ahead of a save and turns them into audit rows
/// once the database has assigned keys.
/// </summary>
public sealed class AuditRecorder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public sealed record Pending(EntityEntry Entry, string Action, string? Before, string? After = null);

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("审计日志只能追加，不能修改或删除");
            if (entry.Entity is not IAudited) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, "Added", null));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count == 0) continue;
                    pending.Add(new Pending(entry, "Modified",
                        Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                        Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, "Deleted",
                        Serialize(entry.Properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue))));
                    break;
            }
        }
        return pending;
    }

    public static IEnumerable<AuditEntry> ToEntries(IEnumerable<Pending> pending, string? userId, string userName, DateTime nowUtc)
    {
        foreach (var p in pending)
        {
            var key = p.Entry.Metadata.FindPrimaryKey();
            var id = key is null ? "" : string.Join(",", key.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue));
            string? after = p.Action switch
            {
                "Added" => Serialize(p.Entry.Properties.ToDictionary(x => x.Metadata.Name, x => x.CurrentValue)),
                _ => p.After,
            };
            yield return new AuditEntry
            {
                AtUtc = nowUtc,
                UserId = userId,
                UserName = userName,
                Entity = p.Entry.Metadata.ClrType.Name,
                EntityId = id,
                Action = p.Action,
                Before = p.Before,
                After = after,
            };
        }
    }

    private static string Serialize(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, Json);
}
