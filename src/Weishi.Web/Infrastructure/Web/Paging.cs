using Microsoft.EntityFrameworkCore;

namespace Weishi.Web.Infrastructure.Web;

/// <summary>One page of a list; the total is counted in the database, only the page's rows are loaded.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static async Task<Paged<T>> LoadAsync(IQueryable<T> query, int page, int pageSize, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        // A page past the last (an old link after rows went away, a typed number) shows the last page, not an empty
        // list; it also keeps (page - 1) * pageSize from overflowing into a negative OFFSET, which PostgreSQL refuses.
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, page, pageSize, total);
    }
}

/// <summary>
/// One page of a list that is not counted, for a list whose count would read all of it (its rows are found by
/// evaluating each one): the page's rows and whether another page follows, read as one row more than the page.
/// </summary>
public sealed record UncountedPage<T>(IReadOnlyList<T> Items, int Page, bool HasNext);
