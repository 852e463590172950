using Microsoft.AspNetCore.Identity;

namespace Weishi.Web.Features.Accounts;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<RoleAssignment> RoleAssignments { get; set; } = [];
    /// <summary>A resident who signed in with a phone code: the keyed hash of the phone is the account's key (unique);
    /// the number is kept only encrypted and masked. Null for password accounts.</summary>
    public string? PhoneHash { get; set; }
    public string? PhoneEncrypted { get; set; }
    public string? PhoneMasked { get; set; }
}
