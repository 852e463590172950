using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Deviations;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// The year under way (the clock's year): each community's budget (as in the last report year) and a few projects
/// 实施中 with contracts, milestones, past sessions with sign-ins and sessions still to come, progress and advance
/// payments, dated relative to today. One service project of the demo contractor in 六联 has fallen far behind, and a
/// goods project in 坑梓 has paid nothing late in its contract, so the daily deviation scan — run once here — raises
/// warnings that the staff and contractor home pages show. The report years' projects and spending are untouched.
/// </summary>
public sealed class DemoCurrentYearBuilder(WeishiDbContext db)
{
    /// <summary>The community whose service project falls behind (六联, account cs-ll).</summary>
    public const string LaggingCommunity = "440310001001";

    private sealed record Plan(string Community, ProjectType Type, ProjectCategory Category, string Name, bool DemoContractor,
        int PlannedSessions, int PlannedBeneficiaries, long BudgetFen, int StartedDaysAgo, int EndsInDays, int[] SessionDays, int PerSession,
        int[] ProgressDays, bool MilestoneOverdue, double AdvanceShare);

    private static readonly Plan[] Plans =
    [
        // Behind: 2 of 12 sessions held in 70 % of the contract, the last long ago, the mid-term review overdue.
        new(LaggingCommunity, ProjectType.Service, ProjectCategory.Elderly, "六联长者健康促进服务", true,
            12, 120, 18_0000_00, 150, 60, [20, 80, 170], 9, [], true, 0.3),
        new(LaggingCommunity, ProjectType.Service, ProjectCategory.Children, "六联四点半课堂", false,
            8, 100, 12_0000_00, 90, 120, [15, 35, 55, 75, 100, 125, 150, 175], 14, [], false, 0.4),
        new("440310001002", ProjectType.Service, ProjectCategory.Culture, "六和社区合唱团", true,
            6, 60, 8_0000_00, 60, 150, [20, 45, 80, 110, 140, 170], 12, [], false, 0.3),
        new("440310005001", ProjectType.Works, ProjectCategory.Safety, "小区路灯维修", false,
            0, 1500, 26_0000_00, 100, 80, [], 0, [20, 60, 85], false, 0.3),
        // Spending behind: 87 % of the contract period gone and nothing paid yet.
        new("440310005001", ProjectType.Goods, ProjectCategory.Safety, "微型消防站器材配置", false,
            0, 800, 9_0000_00, 200, 30, [], 0, [40, 180], false, 0),
    ];

    public async Task BuildAsync(CancellationToken ct)
    {
        var today = ChinaDate.Today(db.Time);
        var year = today.Year;
        if (year <= DemoYear.FromReport.Max(y => y.Year) || await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.Year == year, ct)) return;
        var rng = new Random(DemoSeeder.Seed + 40);
        var communities = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).ToListAsync(ct);
        var last = DemoYear.FromReport.Max(y => y.Year);
        var lastFunds = await db.AnnualBudgets.IgnoreQueryFilters().Where(b => b.Year == last).ToDictionaryAsync(b => b.RegionId, b => b.DistrictFundsFen, ct);
        if (!await db.YearSettings.AnyAsync(s => s.Year == year, ct)) db.YearSettings.Add(new YearSetting { Year = year });
        var budgeted = await db.AnnualBudgets.IgnoreQueryFilters().Where(b => b.Year == year).Select(b => b.RegionId).ToListAsync(ct);
        foreach (var c in communities.Where(c => !budgeted.Contains(c.Id)))
            db.AnnualBudgets.Add(new AnnualBudget { RegionId = c.Id, Year = year, DistrictFundsFen = lastFunds.GetValueOrDefault(c.Id, 100_0000_00) });

        // The demo account's contractor, and contractors under no sanction for the others.
        var contractors = await db.Contractors.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id)
            .Where(c => !db.ContractorSanctions.IgnoreQueryFilters().Any(s => s.ContractorId == c.Id)).ToListAsync(ct);
        var demoContractor = contractors[0];
        Contractor Other(ContractorType type) => contractors.Skip(1).First(c => c.Type == type);

        var sequence = new Dictionary<string, int>();
        var planned = new List<(Plan Plan, Project Project, Region Community)>();
        foreach (var plan in Plans)
        {
            var community = communities.Single(c => c.Code == plan.Community);
            var n = sequence[plan.Community] = sequence.GetValueOrDefault(plan.Community) + 1;
            var contractor = plan.DemoContractor ? demoContractor : Other(plan.Type == ProjectType.Service ? ContractorType.SocialOrganisation : ContractorType.Enterprise);
            var start = today.AddDays(-plan.StartedDaysAgo);
            var project = new Project
            {
                Code = $"{year}-PS-{community.Abbr}-{n:000}", Year = year, Name = plan.Name, Type = plan.Type, Category = plan.Category,
                Content = $"面向{community.ShortName}居民开展“{plan.Name}”，由社区党委组织征集、评议并监督实施。",
                RegionId = community.Id, PlannedBeneficiaries = plan.PlannedBeneficiaries, PlannedSessions = plan.PlannedSessions,
                ContractorId = contractor.Id, Status = ProjectStatus.InProgress,
                CreatedAtUtc = start.AddDays(-90).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                StatusChangedAtUtc = start.AddDays(-7).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            };
            var main = plan.Type switch { ProjectType.Service => "社工服务费", ProjectType.Works => "工程施工费", _ => "器材采购费" };
            project.BudgetLines.Add(new BudgetLine { Item = main, Unit = "项", Quantity = 1, UnitPriceFen = plan.BudgetFen * 9 / 10 });
            project.BudgetLines.Add(new BudgetLine { Item = "宣传及资料费", Unit = "项", Quantity = 1, UnitPriceFen = plan.BudgetFen - plan.BudgetFen * 9 / 10 });
            foreach (var line in project.BudgetLines) line.Price();
            if (plan.AdvanceShare > 0)
                project.Disbursements.Add(new Disbursement
                {
                    PaidOn = start.AddDays(10), AmountFen = (long)(plan.BudgetFen * plan.AdvanceShare) / 100 * 100, Stage = "预付款",
                    VoucherNo = $"PZ{year}{rng.Next(100000, 999999)}",
                });
            db.Projects.Add(project);
            planned.Add((plan, project, community));
        }
        await db.SaveChangesAsync(ct);

        foreach (var (plan, project, community) in planned)
        {
            var start = today.AddDays(-plan.StartedDaysAgo);
            var end = today.AddDays(plan.EndsInDays);
            db.Contracts.Add(new Contract { ProjectId = project.Id, ContractorId = project.ContractorId!.Value, AmountFen = plan.BudgetFen, SignedOn = start.AddDays(-7), StartOn = start, EndOn = end });
            db.Milestones.Add(new Milestone { ProjectId = project.Id, Name = "启动", Deliverable = "实施方案", PlannedOn = start.AddDays(14), DoneOn = start.AddDays(10) });
            var midterm = start.AddDays((end.DayNumber - start.DayNumber) / 2);
            db.Milestones.Add(new Milestone
            {
                ProjectId = project.Id, Name = "中期评估", Deliverable = "中期自评报告",
                PlannedOn = plan.MilestoneOverdue ? today.AddDays(-30) : midterm, DoneOn = plan.MilestoneOverdue || midterm > today ? null : midterm.AddDays(-3),
            });
            db.Milestones.Add(new Milestone { ProjectId = project.Id, Name = "完成交付", Deliverable = plan.Type == ProjectType.Service ? "服务总结与签到材料" : "完工（交付）资料", PlannedOn = end.AddDays(-10) });
            foreach (var (day, k) in plan.ProgressDays.Select((d, k) => (d, k)))
                db.ProgressRecords.Add(new ProgressRecord
                {
                    ProjectId = project.Id, RecordedOn = start.AddDays(day), Description = k == 0 ? "进场实施" : "持续推进",
                    Quantity = 10 * (k + 1), Unit = plan.Type == ProjectType.Works ? "盏" : "件", Address = plan.Type == ProjectType.Works ? "社区公共区域" : null,
                });
            await AddSessionsAsync(plan, project, community, start, today, rng, ct);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await new DeviationScanner(db).ScanAsync(today, ct);
    }

    /// <summary>Past sessions with sign-ins from the community's earlier participants; later ones scheduled, open for sign-in.</summary>
    private async Task AddSessionsAsync(Plan plan, Project project, Region community, DateOnly start, DateOnly today, Random rng, CancellationToken ct)
    {
        if (plan.SessionDays.Length == 0) return;
        var people = await db.Attendances.IgnoreQueryFilters().Where(a => a.RegionId == community.Id)
            .Select(a => a.ParticipantId).Distinct().OrderBy(id => id).Take(400).ToListAsync(ct);
        foreach (var (day, s) in plan.SessionDays.Select((d, s) => (d, s)))
        {
            var heldOn = start.AddDays(day);
            var startsAt = heldOn.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc);
            var session = new ActivitySession
            {
                ProjectId = project.Id, HeldOn = heldOn, StartsAtUtc = startsAt, EndsAtUtc = startsAt.AddHours(2), Place = community.ShortName + "党群服务中心",
                Content = $"第{s + 1}期活动", Staff = "社工 2 名、志愿者 3 名",
                SignInToken = Convert.ToHexStringLower(BitConverter.GetBytes(rng.NextInt64())) + project.Id.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
                CreatedAtUtc = start.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            };
            if (heldOn < today && people.Count > 0)
            {
                var chosen = new HashSet<int>();
                while (chosen.Count < Math.Min(plan.PerSession, people.Count)) chosen.Add(people[rng.Next(people.Count)]);
                foreach (var id in chosen.Order())
                    session.Attendances.Add(new Attendance
                    {
                        ProjectId = project.Id, RegionId = community.Id, Year = project.Year, ParticipantId = id,
                        SignedInAtUtc = startsAt.AddMinutes(rng.Next(20)), ByQr = rng.NextDouble() < 0.7,
                    });
            }
            db.ActivitySessions.Add(session);
        }
    }
}
