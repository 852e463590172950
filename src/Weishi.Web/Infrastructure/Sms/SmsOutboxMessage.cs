namespace Weishi.Web.Infrastructure.Sms;

/// <summary>A message the outbox sender "sent": the phone encrypted and masked, the text kept for the development outbox page.</summary>
public class SmsOutboxMessage
{
    public long Id { get; set; }
    public DateTime SentAtUtc { get; set; }
    public required string PhoneEncrypted { get; set; }
    public required string PhoneMasked { get; set; }
    /// <summary>Keyed hash of the phone, so tests and pages can find a person's messages without the clear number.</summary>
    public required string PhoneHash { get; set; }
    public required string Text { get; set; }
}
