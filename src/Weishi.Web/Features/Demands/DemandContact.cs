using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Features.Demands;

/// <summary>A need's contact phone, kept the PIPL way: encrypted, masked for staff, and a keyed hash so that the resident
/// who later verifies that phone (phone-code sign-in) sees the need on their own page.</summary>
public static class DemandContact
{
    public static async Task SetAsync(Demand demand, string? phone, PersonalData personal, CancellationToken ct = default)
    {
        if (phone is null) return;
        demand.ContactPhoneEncrypted = personal.EncryptPhone(phone);
        demand.ContactPhoneMasked = PersonalData.MaskPhone(phone);
        demand.ContactPhoneHash = await personal.HashAsync(phone, ct);
    }

    /// <summary>
    /// Gives the hash to needs stored before it existed. SQL cannot compute it (the key and the ciphertext are Data
    /// Protection's), so the application does at start-up: it decrypts each such phone once, in batches, without a row
    /// audit (only a derived column changes) but with one summary entry. Phones that cannot be decrypted are left as they are.
    /// </summary>
    public static async Task<int> BackfillHashesAsync(WeishiDbContext db, PersonalData personal, CancellationToken ct = default)
    {
        var done = 0;
        var unreadable = new List<int>();
        db.SuppressRowAudit = true;
        try
        {
            while (true)
            {
                var batch = await db.Demands.IgnoreQueryFilters()
                    .Where(d => d.ContactPhoneEncrypted != null && d.ContactPhoneHash == null && !unreadable.Contains(d.Id))
                    .OrderBy(d => d.Id).Take(500).ToListAsync(ct);
                if (batch.Count == 0) break;
                foreach (var demand in batch)
                {
                    try
                    {
                        demand.ContactPhoneHash = await personal.HashAsync(personal.DecryptPhone(demand.ContactPhoneEncrypted!), ct);
                        done++;
                    }
                    catch (CryptographicException)
                    {
                        unreadable.Add(demand.Id);
                    }
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            if (done > 0)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = db.Time.GetUtcNow().UtcDateTime, UserName = "system", Entity = nameof(Demand), EntityId = "contact-phone-hash",
                    Action = "Modified", After = $"为已有需求补全联系电话的检索哈希：{done} 条" + (unreadable.Count > 0 ? $"，{unreadable.Count} 条无法解密未处理" : ""),
                });
                await db.SaveChangesAsync(ct);
            }
            return done;
        }
        finally
        {
            db.SuppressRowAudit = false;
            db.ChangeTracker.Clear();
        }
    }
}
