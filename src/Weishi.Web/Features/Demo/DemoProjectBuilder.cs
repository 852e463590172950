using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;

namespace Weishi.Web.Features.Demo;

/// <summary>Builds one year's projects so that their count and total spending equal the report's exactly.</summary>
public sealed class DemoProjectBuilder(Random rng, IReadOnlyList<Region> communities, IReadOnlyList<Contractor> contractors)
{
    public sealed record Result(List<Project> Projects, List<AnnualBudget> Budgets);

    private sealed record Draft(Region Community, ProjectCategory Category, ProjectType Type, string Name, double Raw);

    public Result Build(DemoYear year)
    {
        var drafts = Drafts(year);
        var spent = Apportion(drafts.Select(d => d.Raw).ToArray(), year.SpentFen / 100);
        var projects = new List<Project>(drafts.Count);
        var seq = new Dictionary<int, int>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var n = seq[d.Community.Id] = seq.GetValueOrDefault(d.Community.Id) + 1;
            projects.Add(BuildProject(year.Year, d, n, spent[i] * 100));
        }
        return new Result(projects, Budgets(year.Year, projects));
    }

    private List<Draft> Drafts(DemoYear year)
    {
        var weights = communities.Select(_ => 0.6 + rng.NextDouble() * 0.8).ToArray();
        var counts = Apportion(weights, year.Projects);
        var drafts = new List<Draft>();
        for (var c = 0; c < communities.Count; c++)
        {
            var used = new HashSet<string>();
            for (var k = 0; k < counts[c]; k++)
            {
                var category = PickCategory();
                var type = PickType();
                var names = DemoCatalogue.Names[(category, type)];
                var baseName = communities[c].ShortName + names[rng.Next(names.Length)];
                var name = baseName;
                for (var round = 2; !used.Add(name); round++) name = $"{baseName}（第{Ordinal(round)}期）";
                drafts.Add(new Draft(communities[c], category, type, name, RawAmountYuan(type)));
            }
        }
        return drafts;
    }

    private Project BuildProject(int year, Draft d, int seq, long spentFen)
    {
        // Budgets are set a little above what was spent, rounded up to 100 元.
        var budgetFen = (long)Math.Ceiling(spentFen / (0.90 + rng.NextDouble() * 0.10) / 10000) * 10000;
        var oneOff = d.Type == ProjectType.Service && rng.NextDouble() < 0.58;
        var start = new DateTime(year, 1, 10, 2, 0, 0, DateTimeKind.Utc).AddDays(rng.Next(90));
        var project = new Project
        {
            Code = $"{year}-PS-{d.Community.Abbr}-{seq:000}",
            Year = year,
            Name = d.Name,
            Type = d.Type,
            Category = d.Category,
            Content = $"面向{d.Community.ShortName}居民开展“{d.Name}”，由社区党委组织征集、评议并监督实施。",
            RegionId = d.Community.Id,
            PlannedBeneficiaries = d.Type switch
            {
                ProjectType.Service => 30 + rng.Next(270),
                ProjectType.Works => 500 + rng.Next(2500),
                _ => 100 + rng.Next(900),
            },
            PlannedSessions = d.Type != ProjectType.Service ? 0 : oneOff ? 1 : 4 + rng.Next(21),
            IsOneOff = oneOff,
            ContractorId = PickContractor(d.Type).Id,
            Status = ProjectStatus.Accepted,
            CreatedAtUtc = start,
            StatusChangedAtUtc = new DateTime(year, 12, 1, 2, 0, 0, DateTimeKind.Utc).AddDays(rng.Next(25)),
        };
        project.BudgetLines.AddRange(Lines(d.Type, budgetFen));
        project.Disbursements.AddRange(Payments(year, spentFen));
        return project;
    }

    private IEnumerable<BudgetLine> Lines(ProjectType type, long budgetFen)
    {
        var items = DemoCatalogue.CostItems[type];
        var count = 2 + rng.Next(items.Length - 1);
        var left = budgetFen;
        for (var i = 0; i < count - 1; i++)
        {
            var (item, unit, min, max) = items[i];
            var share = (long)(budgetFen * (0.15 + rng.NextDouble() * (0.5 / count)));
            var quantity = min + rng.Next(max - min + 1);
            var unitPrice = share / quantity / 100 * 100;
            var line = new BudgetLine { Item = item, Unit = unit, Quantity = quantity, UnitPriceFen = unitPrice };
            line.Price();
            left -= line.AmountFen;
            yield return line;
        }
        var last = items[count - 1];
        var rest = new BudgetLine { Item = last.Item, Unit = "项", Quantity = 1, UnitPriceFen = left };
        rest.Price();
        yield return rest;
    }

    private IEnumerable<Disbursement> Payments(int year, long spentFen)
    {
        if (spentFen <= 5_0000_00)
        {
            yield return new Disbursement { PaidOn = new DateOnly(year, 11, 1).AddDays(rng.Next(50)), AmountFen = spentFen, Stage = "全额拨付", VoucherNo = Voucher(year) };
            yield break;
        }
        var advance = spentFen / 2 / 100 * 100;
        yield return new Disbursement { PaidOn = new DateOnly(year, 4, 1).AddDays(rng.Next(80)), AmountFen = advance, Stage = "预付款", VoucherNo = Voucher(year) };
        yield return new Disbursement { PaidOn = new DateOnly(year, 11, 1).AddDays(rng.Next(50)), AmountFen = spentFen - advance, Stage = "验收后尾款", VoucherNo = Voucher(year) };
    }

    private string Voucher(int year) => $"PZ{year}{rng.Next(100000, 999999)}";

    private List<AnnualBudget> Budgets(int year, List<Project> projects)
    {
        var cap = YearSetting.DefaultSubsidyCapFen;
        return projects.GroupBy(p => p.RegionId).Select(g =>
        {
            var committed = g.Sum(p => p.BudgetLines.Sum(l => l.AmountFen));
            var needed = (long)Math.Ceiling(committed * (1.03 + rng.NextDouble() * 0.07) / 1_0000_00) * 1_0000_00;
            var half = (long)Math.Ceiling(needed / 2.0 / 1_0000_00) * 1_0000_00;
            var district = half <= cap ? half : needed - cap;
            return new AnnualBudget { RegionId = g.Key, Year = year, DistrictFundsFen = district };
        }).ToList();
    }

    private ProjectCategory PickCategory()
    {
        var total = DemoCatalogue.CategoryWeights.Sum(w => w.Weight);
        var roll = rng.Next(total);
        foreach (var (category, weight) in DemoCatalogue.CategoryWeights)
        {
            if (roll < weight) return category;
            roll -= weight;
        }
        return ProjectCategory.Elderly;
    }

    private ProjectType PickType()
    {
        var roll = rng.NextDouble();
        return roll < 0.62 ? ProjectType.Service : roll < 0.84 ? ProjectType.Works : ProjectType.Goods;
    }

    private Contractor PickContractor(ProjectType type)
    {
        var wanted = type == ProjectType.Service ? ContractorType.SocialOrganisation : ContractorType.Enterprise;
        var pool = contractors.Where(c => c.Type == wanted).ToList();
        return pool[rng.Next(pool.Count)];
    }

    /// <summary>A plausible spending in 元 before scaling: log-normal around a typical size per type, clamped.</summary>
    private double RawAmountYuan(ProjectType type)
    {
        var (median, min, max) = type switch
        {
            ProjectType.Service => (60_000.0, 10_000.0, 350_000.0),
            ProjectType.Works => (120_000.0, 30_000.0, 800_000.0),
            _ => (50_000.0, 10_000.0, 350_000.0),
        };
        var normal = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return Math.Clamp(median * Math.Exp(0.55 * normal), min, max);
    }

    /// <summary>Splits a whole number in proportion to weights, exactly (largest remainder).</summary>
    public static long[] Apportion(double[] weights, long total)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => w / sum * total).ToArray();
        var result = exact.Select(x => (long)Math.Floor(x)).ToArray();
        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take((int)left))
            result[i]++;
        return result;
    }

    private static string Ordinal(int n) => n switch { 2 => "二", 3 => "三", 4 => "四", 5 => "五", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
