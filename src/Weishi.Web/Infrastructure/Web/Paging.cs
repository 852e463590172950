using Microsoft.EntityFrameworkCore;

namespace Weishi.Web.Infrastructure.Web;

/// <summary>One page of a list; the total is counted in the database, only the page's rows are loaded.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static async Task<Paged<T>> LoadAsync(IQueryable<T> query, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, page, pageSize, total);
    }
}
