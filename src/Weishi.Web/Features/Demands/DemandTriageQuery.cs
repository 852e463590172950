using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

/// <summary>The triage list's query: filters on indexed columns, newest first; shared by the page and its benchmark.</summary>
public static class DemandTriageQuery
{
    public sealed record Filter(DemandChannel? Channel, DemandStatus? Status, int? Community, DateOnly? From, DateOnly? To, string? Q)
    {
        public bool ExactMatch { get; init; }
    }

    /// <summary>One page of the list; a query that looks like a code is first tried as an exact lookup.</summary>
    public static async Task<Paged<Row>> LoadAsync(WeishiDbContext db, Filter f, int page, int pageSize, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(f.Q) && f.Q.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            var exact = await Paged<Row>.LoadAsync(Build(db, f with { ExactMatch = true }), page, pageSize, ct);
            if (exact.Total > 0) return exact;
        }
        var query = Build(db, f);
        if (string.IsNullOrWhiteSpace(f.Q)) return await Paged<Row>.LoadAsync(query, page, pageSize, ct);
        page = Math.Max(1, page);
        var total = await query.Take(TextCountCap).CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Row>(items, page, pageSize, total);
    }

    public sealed record Row(int Id, string Text, string Community, DemandChannel Channel, DemandStatus Status, DateTime SubmittedAtUtc, DateOnly? CollectedOn, int? ProjectId, string? ProjectCode);

    /// <summary>Text searches count at most this many matches: counting every LIKE match of a million rows is a full scan.</summary>
    public const int TextCountCap = 2000;

    /// <summary>
    /// Staff only (residents cannot open the list), so the scope is applied here as a plain region filter instead of the
    /// global filter, whose OR with the resident's own rows keeps SQLite from using the region index.
    /// </summary>
    public static IQueryable<Row> Build(WeishiDbContext db, Filter f)
    {
        var query = db.Demands.IgnoreQueryFilters().AsNoTracking();
        if (!db.Scope.ReadAll)
        {
            var regions = db.Scope.RegionIds;
            query = query.Where(d => regions.Contains(d.RegionId));
        }
        if (f.Channel is { } c) query = query.Where(d => d.Channel == c);
        if (f.Status is { } s) query = query.Where(d => d.Status == s);
        if (f.Community is { } r) query = query.Where(d => d.RegionId == r);
        // Dates are China days: [from 00:00, to+1 00:00) in China, as UTC bounds computed here so the query stays SQL.
        if (f.From is { } from) { var start = ChinaDate.StartUtc(from); query = query.Where(d => d.SubmittedAtUtc >= start); }
        if (f.To is { } to) { var end = ChinaDate.StartUtc(to.AddDays(1)); query = query.Where(d => d.SubmittedAtUtc < end); }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            var code = q.ToUpperInvariant();
            // A tracking code or case number is an exact, indexed lookup; anything else searches the text.
            query = f.ExactMatch
                ? query.Where(d => d.TrackingCode == code || d.ExternalCaseNumber == q)
                : query.Where(d => d.Text.Contains(q));
        }
        return query.OrderByDescending(d => d.SubmittedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new Row(d.Id, d.Text, d.Region!.ShortName, d.Channel, d.Status, d.SubmittedAtUtc, d.CollectedOn, d.ProjectId, d.Project!.Code));
    }
}
