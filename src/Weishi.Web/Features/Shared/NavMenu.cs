using System.Security.Claims;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Features.Shared;

/// <summary>One item of the main menu; <paramref name="Shown"/> is whom the item is meant for, access is checked on top.</summary>
public sealed record NavLink(string Text, string Href, bool Shown = true);

/// <summary>A dropdown of the main menu, one per stage of the programme.</summary>
public sealed record NavGroup(string Text, IReadOnlyList<NavLink> Links)
{
    /// <summary>The groups with only the links the user is meant to see and may open; empty groups are left out.</summary>
    public static async Task<IReadOnlyList<NavGroup>> VisibleAsync(IEnumerable<NavGroup> groups, PageLinkAccess access, ClaimsPrincipal user)
    {
        var visible = new List<NavGroup>();
        foreach (var group in groups)
        {
            var links = new List<NavLink>();
            foreach (var link in group.Links)
                if (link.Shown && await access.MayOpenAsync(user, link.Href)) links.Add(link);
            if (links.Count > 0) visible.Add(group with { Links = links });
        }
        return visible;
    }
}
