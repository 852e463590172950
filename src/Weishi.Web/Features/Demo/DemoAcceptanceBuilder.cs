using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// 验收 of every accepted demo project, dated on the day it became 已验收. A project that became 已验收 only after its
/// year ended — the late deliveries <see cref="DemoContractorBuilder"/> gives the poorer contractors — failed its first
/// acceptance in December and passed after rectification; that failed record is kept, so 一次验收通过率 reflects the
/// contractors' quality. The final payment (验收后尾款 or 全额拨付) is moved to a few days after the passing acceptance;
/// amounts stay as they are. Uses its own seeded Random so the other builders' draws are unchanged.
/// </summary>
public sealed class DemoAcceptanceBuilder(WeishiDbContext db)
{
    public const string Committee = "街道民生微实事办公室、社区工作站、居民议事会代表";

    private static readonly Dictionary<ProjectType, (string Failed, string Opinion)> Failures = new()
    {
        [ProjectType.Service] = ("活动记录与签到完整", "活动台账与签到记录不完整，部分场次缺少影像资料，限期 15 日内整改后重新验收"),
        [ProjectType.Works] = ("竣工资料齐全", "竣工资料不全，部分工程细节未按合同完成，限期 15 日内整改后重新验收"),
        [ProjectType.Goods] = ("发放记录完整", "发放记录不完整，部分货物领取人签字缺失，限期 15 日内整改后重新验收"),
    };

    public async Task BuildAsync(CancellationToken ct)
    {
        var rng = new Random(DemoSeeder.Seed + 30);
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == ProjectStatus.Accepted && !db.AcceptanceRecords.IgnoreQueryFilters().Any(a => a.ProjectId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Year, p.Type, p.StatusChangedAtUtc }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var finalPayments = (await db.Disbursements.IgnoreQueryFilters()
                .Where(d => ids.Contains(d.ProjectId) && (d.Stage == "验收后尾款" || d.Stage == "全额拨付")).ToListAsync(ct))
            .ToLookup(d => d.ProjectId);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var p in projects)
        {
            var passedOn = DateOnly.FromDateTime(p.StatusChangedAtUtc);
            var checklist = AcceptanceRecord.Checklists[p.Type];
            var late = passedOn > new DateOnly(p.Year, 12, 31);
            if (late)
            {
                var (failed, opinion) = Failures[p.Type];
                db.AcceptanceRecords.Add(new AcceptanceRecord
                {
                    ProjectId = p.Id, AcceptedOn = new DateOnly(p.Year, 12, 3 + rng.Next(20)), Committee = Committee,
                    Checklist = string.Join("；", checklist.Where(c => c != failed)), Result = AcceptanceResult.Failed, Opinion = opinion,
                });
            }
            db.AcceptanceRecords.Add(new AcceptanceRecord
            {
                ProjectId = p.Id, AcceptedOn = passedOn, Committee = Committee, Checklist = string.Join("；", checklist),
                Result = late ? AcceptanceResult.PassedAfterRectification : AcceptanceResult.Passed,
                Opinion = late ? "整改已完成，复验合格，同意通过验收" : "按合同完成，资料齐全，同意通过验收",
            });
            foreach (var payment in finalPayments[p.Id]) payment.PaidOn = passedOn.AddDays(5 + rng.Next(15));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
