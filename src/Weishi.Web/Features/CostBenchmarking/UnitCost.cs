using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Features.Projects;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>What a project's money buys one unit of: the denominator of its unit cost.</summary>
public enum UnitMeasure
{
    PerBeneficiary = 1,
    PerSession = 2,
    PerSquareMetre = 3,
    PerItem = 4,
    PerProject = 5,
}

/// <summary>A unit cost, or why it cannot be computed (zero or missing denominator).</summary>
/// <param name="LineUnit">Per item: the unit the project's budget lines count the items in (盏, 套) when they all use the
/// same one; shown instead of 件 so the cost reads in the budget's own unit.</param>
public sealed record UnitCost(UnitMeasure Measure, decimal Denominator, long CostFen, string? LineUnit = null)
{
    public bool Computable => Denominator > 0;
    /// <summary>Null when not computable: a zero denominator is never divided by.</summary>
    public decimal? PerUnitFen => Computable ? Math.Round(CostFen / Denominator, 0) : null;

    public static string MeasureName(UnitMeasure m) => m switch
    {
        UnitMeasure.PerBeneficiary => "元/受益人",
        UnitMeasure.PerSession => "元/场次",
        UnitMeasure.PerSquareMetre => "元/m²",
        UnitMeasure.PerItem => "元/件",
        _ => "元/项",
    };

    /// <summary>元/受益人, 元/m², 元/盏 (the budget's item unit), 元/项.</summary>
    public string Label => Measure == UnitMeasure.PerItem && LineUnit is { } unit ? $"元/{unit}" : MeasureName(Measure);

    public string Show() => PerUnitFen is { } f ? $"{Money.Yuan(f)} {Label}" : "不可计算";
}

/// <summary>
/// Normalises spending by output. Today the output comes from the plan (beneficiaries, sessions) and the budget
/// lines' quantities; <see cref="Outputs"/> is the seam where delivered quantities (issue 6) will come in.
/// </summary>
public static class UnitCostNormaliser
{
    public static readonly string[] AreaUnits = ["m²", "㎡", "平方米", "m2", "平米", "平方"];
    public static readonly string[] ItemUnits = ["件", "个", "盏", "套", "台", "张", "把", "株", "棵", "块", "组", "座", "根"];

    /// <summary>Output quantities of a project; delivered figures override planned ones when known.</summary>
    /// <param name="ItemLineUnits">The units the budget lines count items in, as written (盏, 套).</param>
    /// <param name="LineUnits">Every unit of the budget lines, as written (to say when the cost is not measured in them).</param>
    public sealed record Outputs(int Beneficiaries, int Sessions, decimal SquareMetres, decimal Items,
        IReadOnlyList<string>? ItemLineUnits = null, IReadOnlyList<string>? LineUnits = null)
    {
        public static Outputs Planned(ProjectType type, int beneficiaries, int sessions, IEnumerable<(string Unit, decimal Quantity)> lines)
        {
            var list = lines.Select(l => (Unit: l.Unit.Trim(), l.Quantity)).ToList();
            var area = list.Where(l => AreaUnits.Contains(l.Unit)).Sum(l => l.Quantity);
            var itemLines = list.Where(l => ItemUnits.Contains(l.Unit)).ToList();
            return new Outputs(beneficiaries, sessions, area, itemLines.Sum(l => l.Quantity),
                itemLines.Select(l => l.Unit).Distinct().ToList(), list.Select(l => l.Unit).Distinct().ToList());
        }
    }

    /// <summary>
    /// Why the unit cost is not in the unit of the project's own budget lines, in plain words; null when it is (or, for
    /// services, whose cost is per beneficiary by rule). Items counted in several units are added up as 件; lines in no
    /// unit of area or items leave the whole project as the unit.
    /// </summary>
    public static string? UnitMismatch(ProjectType type, Outputs o)
    {
        if (type == ProjectType.Service) return null;
        var measure = MainMeasure(type, o);
        if (measure == UnitMeasure.PerItem && o.ItemLineUnits is { Count: > 1 } mixed)
            return $"本项目预算明细的数量分别按“{string.Join("、", mixed)}”计量，比价把它们合计为件数（元/件）";
        if (measure == UnitMeasure.PerProject && o.LineUnits?.Where(u => u != "项").ToList() is { Count: > 0 } others)
            return $"本项目预算明细的计量单位（{string.Join("、", others)}）不是面积或件数，比价按整个项目计算（元/项），与预算明细的单位不同";
        return null;
    }

    /// <summary>The main measure per type: services per beneficiary; works per m², else per item, else per project; goods per item.</summary>
    public static UnitMeasure MainMeasure(ProjectType type, Outputs o) => type switch
    {
        ProjectType.Service => UnitMeasure.PerBeneficiary,
        ProjectType.Works => o.SquareMetres > 0 ? UnitMeasure.PerSquareMetre : o.Items > 0 ? UnitMeasure.PerItem : UnitMeasure.PerProject,
        _ => UnitMeasure.PerItem,
    };

    public static UnitCost Of(UnitMeasure measure, Outputs o, long costFen) => new(measure, measure switch
    {
        UnitMeasure.PerBeneficiary => o.Beneficiaries,
        UnitMeasure.PerSession => o.Sessions,
        UnitMeasure.PerSquareMetre => o.SquareMetres,
        UnitMeasure.PerItem => o.Items,
        _ => 1,
    }, costFen, measure == UnitMeasure.PerItem && o.ItemLineUnits is [var only] ? only : null);

    public static UnitCost MainCost(ProjectType type, Outputs o, long costFen) => Of(MainMeasure(type, o), o, costFen);

    public static UnitCost MainCost(Project p) => MainCost(p.Type,
        Outputs.Planned(p.Type, p.PlannedBeneficiaries, p.PlannedSessions, p.BudgetLines.Select(l => (l.Unit, l.Quantity))),
        p.BudgetLines.Sum(l => l.AmountFen));
}
