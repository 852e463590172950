namespace Weishi.Web.Infrastructure.Auth;

/// <summary>Answers a write outside the user's scope with 403 and the reason, whichever page attempted it.</summary>
public sealed class ScopeViolationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ScopeViolationException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(ex.Message);
        }
    }
}
