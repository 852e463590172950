using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Screening;

/// <summary>
/// The current rubric of a year. Reading never publishes: a year has no rubric until the district publishes one
/// (the screening page offers the standard criteria below as its first version).
/// </summary>
public sealed class RubricService(WeishiDbContext db)
{
    public static readonly IReadOnlyList<(string Name, int Weight, string Guide)> Default =
    [
        ("需求紧迫性与广泛性", 25, "10分：多数居民反映、问题急需解决；5分：部分居民反映；0分：无居民反映"),
        ("关联居民需求数", 15, "10分：关联10条以上需求；每少1条减1分"),
        ("每万元受益人数", 20, "10分：每万元受益50人以上；5分：20人；0分：5人以下"),
        ("可持续性", 15, "10分：长期持续、有后续管护；0分：一次性活动"),
        ("承接单位能力", 10, "10分：资质齐全、有专业人员和良好履约记录；0分：无相关经验"),
        ("居民支持度", 15, "10分：议事会和居民投票普遍支持；0分：反对意见较多"),
    ];

    public Task<Rubric?> CurrentAsync(int year, CancellationToken ct = default) =>
        db.Rubrics.AsNoTracking().Include(r => r.Criteria.OrderBy(c => c.Position))
            .Where(r => r.Year == year).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);

    /// <summary>Publishes a new version; returns the refusal in Chinese, or null.</summary>
    public async Task<string?> PublishAsync(int year, IReadOnlyList<(string Name, int Weight, string Guide)> criteria, CancellationToken ct = default)
    {
        if (criteria.Count == 0) return "请至少填写一项评分标准";
        if (criteria.Any(c => string.IsNullOrWhiteSpace(c.Name) || string.IsNullOrWhiteSpace(c.Guide)))
            return "每项标准都要填写名称和评分说明";
        if (criteria.Any(c => c.Weight <= 0 || c.Weight > 100)) return "每项权重应在 1 到 100 之间";
        if (criteria.Sum(c => c.Weight) != 100) return $"各项权重之和应为 100，现为 {criteria.Sum(c => c.Weight)}";
        var version = await db.Rubrics.Where(r => r.Year == year).MaxAsync(r => (int?)r.Version, ct) ?? 0;
        var rubric = new Rubric { Year = year, Version = version + 1, PublishedAtUtc = db.Time.GetUtcNow().UtcDateTime, PublishedBy = db.Scope.UserName };
        var i = 0;
        foreach (var c in criteria)
            rubric.Criteria.Add(new RubricCriterion { Position = ++i, Name = c.Name.Trim(), Weight = c.Weight, Guide = c.Guide.Trim() });
        db.Rubrics.Add(rubric);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return "标准刚被他人修改，请刷新后重试";
        }
        return null;
    }
}
