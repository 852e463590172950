using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// Loads a deterministic demo of 坪山区 for 2021–2023 whose yearly project counts and spending equal the
/// source report's, with the report's problems present (most service projects one-off, few projects
/// traceable to residents' needs).
/// </summary>
public sealed class DemoSeeder(WeishiDbContext db, IPasswordHasher<AppUser> hasher, ILookupNormalizer normalizer,
    Infrastructure.Privacy.PersonalData personal, Mining.MiningModelStore models)
{
    public const int Seed = 20210101;

    public async Task SeedAsync(IProgress<(int Percent, string Step)>? progress = null, bool force = false, CancellationToken ct = default)
    {
        if (force) await ClearAsync(ct);
        db.SuppressRowAudit = true;
        try
        {
            progress?.Report((5, "区划：坪山区 6 个街道、24 个社区"));
            await RegionSeed.EnsureAsync(db, ct);
            var regions = await db.Regions.OrderBy(r => r.Code).ToListAsync(ct);
            var communities = regions.Where(r => r.Level == RegionLevel.Community).ToList();
            var rng = new Random(Seed);

            progress?.Report((10, "承接单位"));
            var contractors = CreateContractors(rng);
            db.Contractors.AddRange(contractors);
            await db.SaveChangesAsync(ct);

            progress?.Report((15, "演示账号"));
            var residentId = await CreateAccountsAsync(regions, contractors[0], ct);

            var percent = 20;
            foreach (var year in DemoYear.FromReport)
            {
                progress?.Report((percent, $"{year.Year} 年：{year.Projects} 个项目"));
                db.YearSettings.Add(new YearSetting { Year = year.Year });
                var built = new DemoProjectBuilder(rng, communities, contractors).Build(year);
                db.Projects.AddRange(built.Projects);
                db.AnnualBudgets.AddRange(built.Budgets);
                await db.SaveChangesAsync(ct);
                db.Demands.AddRange(new DemoDemandBuilder(rng, communities).Build(year.Year, built.Projects, residentId));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                percent += 25;
            }
            await DemoCoverageBuilder.BuildAsync(db, ct);

            db.NegativeListRules.AddRange(DemoNegativeListBuilder.Build());
            progress?.Report((95, "承接单位：资质、准入、抽查与考核"));
            await new DemoContractorBuilder(db).BuildAsync(ct);
            progress?.Report((95, "实施记录：合同、活动签到、检查"));
            await new DemoDeliveryBuilder(db, personal).BuildAsync(ct);
            progress?.Report((96, "验收记录"));
            await new DemoAcceptanceBuilder(db).BuildAsync(ct);
            progress?.Report((97, "管养、问卷、评价、遴选与需求挖掘"));
            await new DemoUpkeepBuilder(db).BuildAsync(ct);
            await new DemoSurveyBuilder(db).BuildAsync(ct);
            await Evaluation.DefaultTrees.EnsureAsync(db, ct);
            await new DemoSelectionBuilder(db).BuildAsync(ct);
            await new DemoMiningBuilder(db, models).BuildAsync(ct);
            progress?.Report((98, "本年度：实施中项目与偏差预警"));
            await new DemoCurrentYearBuilder(db).BuildAsync(ct);
            progress?.Report((99, "办理记录：各项目的状态变更"));
            await new DemoDecisionBuilder(db).BuildAsync(ct);

            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = db.Time.GetUtcNow().UtcDateTime,
                UserName = db.Scope.UserName,
                Entity = "DemoData",
                EntityId = "pingshan-2021-2023",
                Action = "Added",
                After = "载入坪山区 2021–2023 年演示数据",
            });
            await db.SaveChangesAsync(ct);
            progress?.Report((100, "完成"));
        }
        finally
        {
            db.SuppressRowAudit = false;
        }
    }

    private static List<Contractor> CreateContractors(Random rng)
    {
        var list = new List<Contractor>();
        foreach (var name in DemoCatalogue.SocialOrganisations)
            list.Add(NewContractor(name, ContractorType.SocialOrganisation, "52440310", rng));
        foreach (var name in DemoCatalogue.Enterprises)
            list.Add(NewContractor(name, ContractorType.Enterprise, "91440310", rng));
        list.AddRange(DemoContractorBuilder.MoreContractors());
        return list;
    }

    private static Contractor NewContractor(string name, ContractorType type, string prefix, Random rng)
    {
        var body = prefix + string.Concat(Enumerable.Range(0, 9).Select(_ => CreditCode.Alphabet[rng.Next(10)]));
        return new Contractor
        {
            Name = name,
            CreditCode = body + CreditCode.CheckCharacter(body),
            Type = type,
            Address = "深圳市坪山区",
            CreatedAtUtc = new DateTime(2020, 6, 1, 0, 0, 0, DateTimeKind.Utc),
        };
    }

    private async Task<string> CreateAccountsAsync(List<Region> regions, Contractor contractor, CancellationToken ct)
    {
        var district = regions.Single(r => r.Level == RegionLevel.District);
        var accounts = new List<(string User, string Name, AppRole Role, int? RegionId, int? ContractorId)>();
        foreach (var (user, name, role) in DemoAccounts.Fixed)
            accounts.Add((user, name, role,
                AppRoles.RequiredScope(role) == ScopeKind.District ? district.Id : null,
                role == AppRole.Contractor ? contractor.Id : null));
        foreach (var s in regions.Where(r => r.Level == RegionLevel.Subdistrict))
            accounts.Add((DemoAccounts.SubdistrictUser(s.Abbr), s.Name + "工作人员", AppRole.SubdistrictOfficer, s.Id, null));
        foreach (var c in regions.Where(r => r.Level == RegionLevel.Community))
            accounts.Add((DemoAccounts.CommunityUser(c.Abbr), c.ShortName + "工作人员", AppRole.CommunityStaff, c.Id, null));

        // One hash serves every demo account: they share the published demo password.
        var hash = hasher.HashPassword(new AppUser { DisplayName = "demo" }, DemoAccounts.Password);
        string residentId = "";
        foreach (var (userName, name, role, regionId, contractorId) in accounts)
        {
            var user = new AppUser
            {
                UserName = userName,
                NormalizedUserName = normalizer.NormalizeName(userName),
                DisplayName = name,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime,
            };
            user.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, RegionId = regionId, ContractorId = contractorId });
            db.Users.Add(user);
            if (role == AppRole.Resident) residentId = user.Id;
        }
        await db.SaveChangesAsync(ct);
        return residentId;
    }

    /// <summary>
    /// Empties the business tables with bulk deletes, which the row audit does not see; one summary row records who
    /// emptied them and how many rows went, committed together with the deletes.
    /// </summary>
    private async Task ClearAsync(CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var counts = new List<string>();
        async Task Delete<T>(IQueryable<T> rows, string name) where T : class
        {
            var deleted = await rows.ExecuteDeleteAsync(ct);
            if (deleted > 0) counts.Add($"{name} {deleted} 行");
        }
        await DemoMiningBuilder.ClearAsync(db, ct);
        await DemoSurveyBuilder.ClearAsync(db, ct);
        await DemoSelectionBuilder.ClearAsync(db, ct);
        await DemoUpkeepBuilder.ClearAsync(db, ct);
        await DemoContractorBuilder.ClearAsync(db, ct);
        await Delete(db.Attendances.IgnoreQueryFilters(), "活动签到");
        await Delete(db.Participants, "参与者");
        await Delete(db.DeviationFlags.IgnoreQueryFilters(), "偏差预警");
        await Delete(db.Demands.IgnoreQueryFilters(), "居民需求");
        await Delete(db.CommunityPopulations.IgnoreQueryFilters(), "社区人口");
        await Delete(db.Disbursements.IgnoreQueryFilters(), "资金拨付");
        await Delete(db.BudgetLines.IgnoreQueryFilters(), "预算明细");
        await Delete(db.ProjectDecisions.IgnoreQueryFilters(), "项目办理记录");
        await Delete(db.Projects.IgnoreQueryFilters(), "项目");
        await Delete(db.AnnualBudgets.IgnoreQueryFilters(), "年度预算");
        await Delete(db.YearSettings, "年度设置");
        await Delete(db.NegativeListRules, "负面清单");
        await Delete(db.RoleAssignments, "用户角色");
        await Delete(db.Users, "账号");
        await Delete(db.Contractors.IgnoreQueryFilters(), "承接单位");
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.Time.GetUtcNow().UtcDateTime,
            UserName = db.Scope.UserName,
            Entity = "DemoData",
            EntityId = "pingshan-2021-2023",
            Action = "Deleted",
            Before = "清空业务数据后重新载入演示数据（seed-demo --force）；删除：" + (counts.Count == 0 ? "无" : string.Join("、", counts))
                + "，以及管养、问卷、遴选、承接单位与需求挖掘的演示数据",
        });
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }
}
