using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Contractors.SpotChecks;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// The contractors' side of the demo: 30 more contractors, registry details, staff, admission rules and
/// applications, and varied quality — late deliveries, violations, a 2023 spot check, a watch list and
/// suspensions — so ratings and comparisons differ. Uses its own seeded Random so the projects' draw is unchanged.
/// </summary>
public sealed class DemoContractorBuilder(WeishiDbContext db)
{
    private const int Seed = 20230909;
    private enum Quality { Good, Average, Poor }

    public static readonly string[] MoreSocialOrganisations =
    [
        "深圳市坪山区乐龄长者服务中心", "深圳市坪山区童心成长服务社", "深圳市众合社会工作服务中心", "深圳市坪山区邻里互助促进会",
        "深圳市恒善社会工作服务社", "深圳市坪山区健康促进会", "深圳市博爱公益服务中心", "深圳市坪山区书香阅读推广中心",
        "深圳市新市民融合服务中心", "深圳市坪山区平安志愿者协会", "深圳市向日葵社会工作服务社", "深圳市坪山区体育舞蹈协会",
        "深圳市和美家庭服务中心", "深圳市坪山区残疾人康复服务中心", "深圳市晨曦青少年服务社", "深圳市坪山区环保志愿服务促进会",
        "深圳市仁爱社会工作服务中心", "深圳市坪山区便民服务促进会",
    ];

    public static readonly string[] MoreEnterprises =
    [
        "深圳市坪安建筑劳务有限公司", "深圳市马峦园林景观有限公司", "深圳市碧岭机电安装有限公司", "深圳市石井照明科技有限公司",
        "深圳市汤坑环境工程有限公司", "深圳市和平智慧物业服务有限公司", "深圳市六联体育设施有限公司", "深圳市江岭办公家具有限公司",
    ];

    private static readonly (string Name, ContractorType Type)[] Others =
    [
        ("深圳市坪山区社区卫生服务中心", ContractorType.PublicInstitution), ("深圳市坪山区文化馆", ContractorType.PublicInstitution),
        ("深圳市坪山区老年大学", ContractorType.PublicInstitution), ("坪山区碧岭居民互助合作社", ContractorType.Other),
    ];

    private static readonly string[] Qualifications = ["中级社会工作师", "助理社会工作师", "心理咨询师", "健康管理师", "养老护理员", "幼儿教师资格", "二级建造师", "消防设施操作员"];
    private static readonly string[] Surnames = ["陈", "李", "张", "王", "刘", "黄", "林", "吴", "赵", "周", "叶", "曾"];
    private static readonly string[] GivenNames = ["晓东", "丽娟", "志强", "美玲", "建华", "慧敏", "国平", "雪梅", "嘉欣", "俊杰", "秀英", "文涛"];

    /// <summary>The 30 contractors added to the foundation's 30 (appended, so the demo account's contractor stays first).</summary>
    public static IEnumerable<Contractor> MoreContractors()
    {
        var rng = new Random(Seed);
        var all = MoreSocialOrganisations.Select(n => (n, ContractorType.SocialOrganisation, "52440310"))
            .Concat(MoreEnterprises.Select(n => (n, ContractorType.Enterprise, "91440310")))
            .Concat(Others.Select(o => (o.Name, o.Type, o.Type == ContractorType.PublicInstitution ? "12440310" : "93440310")));
        foreach (var (name, type, prefix) in all)
        {
            var body = prefix + string.Concat(Enumerable.Range(0, 9).Select(_ => CreditCode.Alphabet[rng.Next(CreditCode.Alphabet.Length)]));
            yield return new Contractor
            {
                Name = name,
                CreditCode = body + CreditCode.CheckCharacter(body),
                Type = type,
                Address = "深圳市坪山区",
                CreatedAtUtc = new DateTime(2020, 6, 1, 0, 0, 0, DateTimeKind.Utc),
            };
        }
    }

    public async Task BuildAsync(CancellationToken ct)
    {
        var rng = new Random(Seed + 1);
        var contractors = await db.Contractors.OrderBy(c => c.Id).ToListAsync(ct);
        var projects = await db.Projects.Where(p => p.ContractorId != null)
            .Select(p => new { p.Id, p.ContractorId, p.Category, p.Year }).ToListAsync(ct);
        var byContractor = projects.ToLookup(p => p.ContractorId!.Value);
        var quality = new Dictionary<int, Quality>();
        for (var i = 0; i < contractors.Count; i++)
        {
            // The demo account's contractor (first) is a good one; every 7th is poor, every 4th average.
            quality[contractors[i].Id] = i == 0 ? Quality.Good : i % 7 == 3 ? Quality.Poor : i % 4 == 1 ? Quality.Average : Quality.Good;
        }

        db.AdmissionRules.AddRange(
            new AdmissionRule { Kind = RuleKind.MinYearsRegistered, Threshold = 1, Outcome = RuleOutcome.Refuse },
            new AdmissionRule { Kind = RuleKind.MinFullTimeStaff, Threshold = 3, Outcome = RuleOutcome.Refuse },
            new AdmissionRule { Kind = RuleKind.NoViolationsWithinYears, Threshold = 2, Outcome = RuleOutcome.Refuse },
            new AdmissionRule { Kind = RuleKind.MinOrgRating, Threshold = 3, Outcome = RuleOutcome.Preferred },
            new AdmissionRule { Kind = RuleKind.RequiredQualification, Threshold = 1, Text = "社会工作师", Category = ProjectCategory.Assistance, Outcome = RuleOutcome.NeedMaterials },
            new AdmissionRule { Kind = RuleKind.RequiredQualification, Threshold = 1, Text = "心理咨询师", Category = ProjectCategory.Health, Outcome = RuleOutcome.NeedMaterials });

        var reviewedAt = new DateTime(2021, 1, 5, 2, 0, 0, DateTimeKind.Utc);
        foreach (var c in contractors)
        {
            var q = quality[c.Id];
            var social = c.Type == ContractorType.SocialOrganisation;
            c.RegisteredOn = new DateOnly(2008 + rng.Next(q == Quality.Poor ? 12 : 10), 1 + rng.Next(12), 1 + rng.Next(28));
            c.OrgRatingLevel = social ? q switch { Quality.Good => 4 + rng.Next(2), Quality.Average => 3 + rng.Next(2), _ => rng.Next(2) == 0 ? null : 2 } : null;
            c.OrgRatedOn = c.OrgRatingLevel is null ? null : new DateOnly(2020 + rng.Next(3), 6, 30);
            c.FullTimeStaff = q switch { Quality.Good => 8 + rng.Next(30), Quality.Average => 4 + rng.Next(10), _ => 2 + rng.Next(4) };
            c.CertifiedSocialWorkers = social ? Math.Min(c.FullTimeStaff, q == Quality.Poor ? rng.Next(2) : 2 + rng.Next(c.FullTimeStaff / 2 + 1)) : 0;
            c.ContactName = Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)];
            var served = byContractor[c.Id].Select(p => p.Category).Distinct().ToList();
            c.Categories = served.Count > 0 ? served : [(ProjectCategory)(1 + rng.Next(10))];
            for (var s = 0; s < 2 + rng.Next(4); s++)
            {
                var qualification = social ? Qualifications[rng.Next(6)] : Qualifications[6 + rng.Next(2)];
                db.ContractorStaff.Add(new ContractorStaff
                {
                    ContractorId = c.Id, Name = Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)],
                    Qualification = q == Quality.Poor && s > 0 ? null : qualification, Title = s == 0 ? "项目主管" : "项目专员", FullTime = s < 3,
                });
            }
            // Everyone that delivered projects was admitted for those categories when the programme began.
            foreach (var category in c.Categories.Where(_ => byContractor[c.Id].Any()))
                db.AdmissionApplications.Add(new AdmissionApplication
                {
                    ContractorId = c.Id, Category = category, Status = ApplicationStatus.Admitted, Evaluated = AdmissionDecision.Admitted,
                    SubmittedAtUtc = reviewedAt.AddDays(-3), ReviewedAtUtc = reviewedAt, ReviewedBy = "district", ReviewNote = "首批准入",
                });
            if (q == Quality.Poor)
                db.ContractorViolations.Add(new ContractorViolation
                {
                    ContractorId = c.Id, OccurredOn = new DateOnly(2023, 3 + rng.Next(8), 1 + rng.Next(28)),
                    Description = rng.Next(2) == 0 ? "活动签到表与现场人数不符，虚报服务人次" : "未按合同配备专职社工，擅自更换项目负责人",
                    Penalty = "约谈并扣减当期服务费 10%", RecordedAtUtc = reviewedAt.AddYears(2),
                });
        }
        await db.SaveChangesAsync(ct);
        await LateDeliveriesAsync(quality, rng, ct);
        await SpotCheckAsync(quality, rng, ct);
        SanctionsAndApplications(contractors, quality, byContractor.Select(g => g.Key).ToHashSet());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Poor contractors often finish late, average ones sometimes: only the completion time moves, never money or counts.</summary>
    private async Task LateDeliveriesAsync(Dictionary<int, Quality> quality, Random rng, CancellationToken ct)
    {
        var late = quality.Where(kv => kv.Value != Quality.Good).Select(kv => (int?)kv.Key).ToList();
        var projects = await db.Projects.Where(p => late.Contains(p.ContractorId)).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var p in projects)
        {
            var poor = quality[p.ContractorId!.Value] == Quality.Poor;
            if (rng.NextDouble() < (poor ? 0.6 : 0.25))
                p.StatusChangedAtUtc = new DateTime(p.Year, 12, 31, 2, 0, 0, DateTimeKind.Utc).AddDays(poor ? 15 + rng.Next(75) : 3 + rng.Next(20));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The 2023 third-quarter spot check, drawn from the projects then under way, with results.</summary>
    private async Task SpotCheckAsync(Dictionary<int, Quality> quality, Random rng, CancellationToken ct)
    {
        var service = new SpotCheckService(db);
        var candidates = await service.CandidatesAsync(db.Projects.Where(p => p.Year == 2023), ct);
        var draw = await service.DrawAsync("2023年第3季度", 2023, 20230701, 2, candidates, ct);
        var contractorOf = await db.Projects.Where(p => p.Year == 2023).ToDictionaryAsync(p => p.Id, p => p.ContractorId, ct);
        foreach (var item in draw.Items)
        {
            var q = contractorOf[item.ProjectId] is { } cid ? quality[cid] : Quality.Good;
            item.Inspector = Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)];
            item.Score = q switch { Quality.Good => 85 + rng.Next(16), Quality.Average => 70 + rng.Next(16), _ => 40 + rng.Next(25) };
            item.Findings = item.Score < 60 ? "现场服务内容与申报不符，台账不全" : item.Score < 85 ? "台账基本齐全，部分活动记录缺照片" : "按计划实施，台账齐全";
            item.CheckedOn = new DateOnly(2023, 8, 1).AddDays(rng.Next(60));
        }
        await db.SaveChangesAsync(ct);
    }

    private void SanctionsAndApplications(List<Contractor> contractors, Dictionary<int, Quality> quality, HashSet<int> delivered)
    {
        var poor = contractors.Where(c => quality[c.Id] == Quality.Poor).ToList();
        for (var i = 0; i < poor.Count; i++)
            db.ContractorSanctions.Add(new ContractorSanction
            {
                ContractorId = poor[i].Id,
                Kind = i % 3 == 2 ? SanctionKind.Suspension : SanctionKind.Watch,
                StartsOn = new DateOnly(2024, 1, 15),
                EndsOn = i % 3 == 2 ? new DateOnly(2030, 1, 14) : null,
                Reason = i % 3 == 2 ? "2023 年抽查得分低于 60 分且存在虚报服务人次" : "2023 年多个项目逾期完成，抽查发现台账不全",
                CreatedBy = "district",
            });
        // Newcomers without projects: one waiting for review, one short of staff, one too young.
        var newcomers = contractors.Where(c => !delivered.Contains(c.Id)).ToList();
        for (var i = 0; i < newcomers.Count; i++)
        {
            var c = newcomers[i];
            if (i == 1) (c.FullTimeStaff, c.CertifiedSocialWorkers) = (2, Math.Min(c.CertifiedSocialWorkers, 2));
            if (i == 2) c.RegisteredOn = new DateOnly(2026, 3, 1);
            db.AdmissionApplications.Add(new AdmissionApplication
            {
                ContractorId = c.Id, Category = c.Categories[0], Status = ApplicationStatus.Submitted,
                Evaluated = i is 1 or 2 ? AdmissionDecision.Refused : AdmissionDecision.Admitted,
                EvaluationReasons = i == 1 ? "专职人员 2 人，少于 3 人" : i == 2 ? "登记成立未满 1 年" : null,
                Statement = "申请承接本类民生微实事项目", SubmittedAtUtc = new DateTime(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc).AddDays(i),
            });
        }
    }

    public static async Task ClearAsync(WeishiDbContext db, CancellationToken ct)
    {
        await db.SpotCheckItems.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.SpotCheckDraws.ExecuteDeleteAsync(ct);
        await db.ApplicationDocuments.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.AdmissionApplications.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.AdmissionRules.ExecuteDeleteAsync(ct);
        await db.AssessmentWeights.ExecuteDeleteAsync(ct);
        await db.ContractorChangeRequests.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.ContractorSanctions.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.ContractorViolations.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.DeclaredProjects.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.ContractorStaff.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
    }
}
