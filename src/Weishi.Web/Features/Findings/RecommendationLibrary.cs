using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>Reads and edits the recommendation texts; the stored text wins over the report's default.</summary>
public sealed class RecommendationLibrary(WeishiDbContext db)
{
    public sealed record Entry(FindingTypes.Kind Kind, string Text, bool Edited, string? UpdatedBy, DateTime? UpdatedAtUtc);

    public async Task<string> TextAsync(string type, CancellationToken ct) =>
        await db.Set<FindingRecommendation>().AsNoTracking().Where(r => r.Type == type).Select(r => r.Text).FirstOrDefaultAsync(ct)
        ?? FindingTypes.Find(type)?.DefaultRecommendation ?? "";

    public async Task<List<Entry>> AllAsync(CancellationToken ct)
    {
        var stored = await db.Set<FindingRecommendation>().AsNoTracking().ToDictionaryAsync(r => r.Type, ct);
        return FindingTypes.All.Select(k => stored.TryGetValue(k.Type, out var r)
            ? new Entry(k, r.Text, true, r.UpdatedBy, r.UpdatedAtUtc)
            : new Entry(k, k.DefaultRecommendation, false, null, null)).ToList();
    }

    /// <summary>Stores a new text, or returns a Chinese message and changes nothing.</summary>
    public async Task<string?> SaveAsync(string? type, string? text, string user, CancellationToken ct)
    {
        var kind = FindingTypes.Find(type);
        if (kind is null) return "未知的问题类型";
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return "建议内容不能为空";
        if (value.Length > FindingRecommendation.MaxLength) return $"建议内容不能超过 {FindingRecommendation.MaxLength} 字";
        var row = await db.Set<FindingRecommendation>().FirstOrDefaultAsync(r => r.Type == kind.Type, ct);
        if (row is null) db.Set<FindingRecommendation>().Add(row = new FindingRecommendation { Type = kind.Type, Text = value });
        row.Text = value;
        row.UpdatedBy = user;
        row.UpdatedAtUtc = db.Time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Goes back to the source report's text.</summary>
    public async Task<string?> ResetAsync(string? type, CancellationToken ct)
    {
        var kind = FindingTypes.Find(type);
        if (kind is null) return "未知的问题类型";
        var row = await db.Set<FindingRecommendation>().FirstOrDefaultAsync(r => r.Type == kind.Type, ct);
        if (row is null) return null;
        db.Set<FindingRecommendation>().Remove(row);   // through the change tracker, so the audit log keeps the old text
        await db.SaveChangesAsync(ct);
        return null;
    }
}
