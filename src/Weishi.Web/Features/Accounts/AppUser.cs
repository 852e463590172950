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

    /// <summary>When an administrator switched the account off (staff who left): it cannot sign in and its sessions end.
    /// Null while the account is in use. Its roles are kept, so 启用 gives the same access back.</summary>
    public DateTime? DisabledAtUtc { get; set; }
    /// <summary>The login name of the administrator who switched the account off.</summary>
    public string? DisabledBy { get; set; }
    public string? DisabledReason { get; set; }

    public bool IsDisabled => DisabledAtUtc is not null;
}
