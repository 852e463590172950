using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Infrastructure.Sms;

/// <summary>Writes messages to the database outbox instead of a gateway (development, tests, demo).</summary>
public sealed class OutboxSmsSender(WeishiDbContext db, PersonalData personal) : ISmsSender
{
    public async Task SendAsync(string phone, string text, CancellationToken ct = default)
    {
        db.SmsOutbox.Add(new SmsOutboxMessage
        {
            SentAtUtc = db.Time.GetUtcNow().UtcDateTime,
            PhoneEncrypted = personal.EncryptPhone(phone),
            PhoneMasked = PersonalData.MaskPhone(phone),
            PhoneHash = await personal.HashAsync(phone, ct),
            Text = text,
        });
        await db.SaveChangesAsync(ct);
    }
}
