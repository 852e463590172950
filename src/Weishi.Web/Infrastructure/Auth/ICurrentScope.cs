namespace Weishi.Web.Infrastructure.Auth;

public interface ICurrentScope
{
    UserScope Scope { get; }
}

/// <summary>The scope of the HTTP request's user, or the system's scope outside a request.</summary>
public sealed class HttpCurrentScope(IHttpContextAccessor accessor) : ICurrentScope
{
    private UserScope? _scope;

    public UserScope Scope => _scope ??= accessor.HttpContext is { } http
        ? ScopeClaims.FromPrincipal(http.User)
        : UserScope.System;
}

public sealed class FixedScope(UserScope scope) : ICurrentScope
{
    public UserScope Scope { get; } = scope;
}
