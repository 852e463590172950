namespace Weishi.Web.Infrastructure.Auth;

/// <summary>Raised when a save touches a row outside the user's scope; answered with 403.</summary>
public sealed class ScopeViolationException(string message) : Exception(message);
