using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Web;

/// <summary>
/// Answers a save refused for a too-long text (<see cref="TextTooLongException"/>), whichever page attempted it: the
/// same page is shown again with what the user typed and the message above it (400). A page that cannot be shown from
/// its post alone (its handler only redirects, so it never loaded what the page shows) sends the user back to the page
/// the form was on, with the message. The context's pending changes are dropped, so nothing of the post is saved.
/// </summary>
public sealed class TextTooLongFilter : IAsyncPageFilter
{
    /// <summary>The message, for the layout: in HttpContext.Items when the page is shown again, in TempData after a redirect.</summary>
    public const string MessageKey = "Error";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not TextTooLongException refused) return;
        executed.ExceptionHandled = true;
        context.HttpContext.RequestServices.GetRequiredService<WeishiDbContext>().ChangeTracker.Clear();
        executed.Result = new RefusedResult(refused.Message);
    }

    /// <summary>A <see cref="PageResult"/>, so that Razor Pages prepares the page to render as for a handler's Page().</summary>
    private sealed class RefusedResult(string message) : PageResult
    {
        public override async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext;
            if (http.Request.Headers["HX-Request"] != "true")
            {
                try
                {
                    http.Items[MessageKey] = message;
                    StatusCode = StatusCodes.Status400BadRequest;
                    await base.ExecuteResultAsync(context);
                    return;
                }
                // Razor renders into a buffer: a page that fails here has written nothing yet.
                catch (Exception e) when (!http.Response.HasStarted)
                {
                    http.RequestServices.GetRequiredService<ILogger<TextTooLongFilter>>()
                        .LogInformation(e, "{Path} cannot be shown again after a refused post; redirecting back", http.Request.Path);
                    http.Response.Clear();
                }
            }
            http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http)[MessageKey] = message;
            var back = FormPage(http);
            if (http.Request.Headers["HX-Request"] == "true")
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.Headers["HX-Redirect"] = back;
                return;
            }
            http.Response.Redirect(back);
        }

        /// <summary>The page the form was on (same site only), else the posted page without its handler.</summary>
        private static string FormPage(HttpContext http)
        {
            var referer = http.Request.Headers.Referer.ToString();
            if (Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == http.Request.Host.Host
                && (http.Request.Host.Port is null || uri.Port == http.Request.Host.Port))
                return uri.PathAndQuery;
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value)
                .Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
            return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query);
        }
    }
}
