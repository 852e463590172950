using Microsoft.AspNetCore.Mvc.Filters;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Web;

/// <summary>
/// Makes a page's post all or nothing (ADR 016): its saves, however many and whichever service makes them, are kept in
/// one transaction that is committed when the handler returns and rolled back when it throws — a text too long, a scope
/// violation or a concurrency conflict in a later save leaves nothing of the earlier ones, audit entries included.
/// The transaction begins at the first save that writes (see <see cref="WeishiDbContext.HoldSavesUntilEnd"/>);
/// reading posts and every GET run as before. Registered before <see cref="TextTooLongFilter"/>, so it sees the exception
/// that filter answers.
/// </summary>
public sealed class PostTransactionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next();
            return;
        }
        var db = http.RequestServices.GetRequiredService<WeishiDbContext>();
        db.HoldSavesUntilEnd();
        PageHandlerExecutedContext executed;
        try
        {
            executed = await next();
        }
        catch
        {
            await db.EndPostTransactionAsync(commit: false, CancellationToken.None);
            throw;
        }
        await db.EndPostTransactionAsync(commit: executed.Exception is null, CancellationToken.None);
    }
}
