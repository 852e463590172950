using Microsoft.AspNetCore.Identity;

namespace Weishi.Web.Features.Accounts;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<RoleAssignment> RoleAssignments { get; set; } = [];
}
