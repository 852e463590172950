using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Weishi.Web.Infrastructure.Auth;

/// <summary>
/// Whether a user may open a page, asked before showing a link to it (menu items, breadcrumbs). It evaluates the
/// authorization the page's endpoint carries — the PageAccess folder/page conventions and any [Authorize] on the page —
/// exactly as the authorization middleware does, so links never lead to 403 and no role list is repeated.
/// </summary>
public sealed class PageLinkAccess(EndpointDataSource endpoints, IAuthorizationPolicyProvider policies, IAuthorizationService authorization)
{
    /// <summary>The pages' route matchers, and the page each link path led to: the menu asks for the same few dozen paths on every request.</summary>
    private sealed record Pages((TemplateMatcher Matcher, Endpoint Endpoint)[] Routes, ConcurrentDictionary<string, Endpoint?> ByPath);

    private static readonly ConditionalWeakTable<EndpointDataSource, Pages> Tables = new();

    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, string href)
    {
        var endpoint = Find(href);
        if (endpoint is null) return true; // not a page of ours (static file, external): nothing to check
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return true;
        var policy = await AuthorizationPolicy.CombineAsync(policies,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null) return true;
        return (await authorization.AuthorizeAsync(user, null, policy)).Succeeded;
    }

    private Endpoint? Find(string href)
    {
        var path = href.Split('?', '#')[0];
        if (!path.StartsWith('/')) return null;
        var pages = Tables.GetValue(endpoints, source => new Pages([.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .OrderBy(e => e.Order).ThenBy(e => e.RoutePattern.InboundPrecedence)
            .Select(e => (new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText ?? ""), Defaults(e.RoutePattern)), (Endpoint)e))], new()));
        return pages.ByPath.GetOrAdd(path, p => Match(pages.Routes, p));
    }

    private static Endpoint? Match((TemplateMatcher Matcher, Endpoint Endpoint)[] routes, string path)
    {
        var values = new RouteValueDictionary();
        foreach (var (matcher, endpoint) in routes)
        {
            values.Clear();
            if (matcher.TryMatch(path, values)) return endpoint;
        }
        return null;
    }

    private static RouteValueDictionary Defaults(RoutePattern pattern) => new(pattern.Defaults);
}
