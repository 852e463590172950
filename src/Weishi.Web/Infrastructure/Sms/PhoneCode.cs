namespace Weishi.Web.Infrastructure.Sms;

/// <summary>
/// A verification code sent by text message for one purpose ("vote:12" for a ballot, "sign-in" for residents' sign-in),
/// stored as keyed hashes of the phone and the code, valid for a few minutes and a few attempts.
/// </summary>
public class PhoneCode
{
    public long Id { get; set; }
    public required string Purpose { get; set; }
    public required string PhoneHash { get; set; }
    public required string CodeHash { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public int Attempts { get; set; }
    public bool Used { get; set; }
}
