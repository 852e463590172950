namespace Weishi.Web.Features.Participants;

/// <summary>
/// 参与者登记: one person across projects, found by a keyed hash of the ID number or of the phone. Neither is stored in
/// clear: the phone is encrypted (and kept masked for display). Not audited, so names stay out of the audit log.
/// </summary>
public class Participant
{
    public int Id { get; set; }
    public string? IdNumberHash { get; set; }
    public string? PhoneHash { get; set; }
    public required string Name { get; set; }
    public string? PhoneEncrypted { get; set; }
    public string? PhoneMasked { get; set; }
    /// <summary>From the ID number when given, for age groups; the number itself is not kept.</summary>
    public int? BirthYear { get; set; }
    /// <summary>户籍 / 常住 / 来深建设者 as the person said at sign-in (optional); the latest answer is kept.</summary>
    public Demands.ResidentType? ResidentType { get; set; }
    public DateTime FirstSeenAtUtc { get; set; }
}
