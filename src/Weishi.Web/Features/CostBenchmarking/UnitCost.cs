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
public sealed record UnitCost(UnitMeasure Measure, decimal Denominator, long CostFen)
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

    public string Show() => PerUnitFen is { } f ? $"{Money.Yuan(f)} {MeasureName(Measure)}" : "不可计算";
}

/// <summary>
/// Normalises spending by output. Today the output comes from the plan (beneficiaries, sessions) and the budget
/// lines' quantities; <see cref="Outputs"/> is the seam where delivered quantities (issue 6) will come in.
/// </summary>
public static class UnitCostNormaliser
{
    public static readonly string[] AreaUnits = ["m²", "㎡", "平方米", "m2"];
    public static readonly string[] ItemUnits = ["件", "个", "盏", "套", "台"];

    /// <summary>Output quantities of a project; delivered figures override planned ones when known.</summary>
    public sealed record Outputs(int Beneficiaries, int Sessions, decimal SquareMetres, decimal Items)
    {
        public static Outputs Planned(ProjectType type, int beneficiaries, int sessions, IEnumerable<(string Unit, decimal Quantity)> lines)
        {
            var list = lines.ToList();
            var area = list.Where(l => AreaUnits.Contains(l.Unit.Trim())).Sum(l => l.Quantity);
            var items = list.Where(l => ItemUnits.Contains(l.Unit.Trim())).Sum(l => l.Quantity);
            return new Outputs(beneficiaries, sessions, area, items);
        }
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
    }, costFen);

    public static UnitCost MainCost(ProjectType type, Outputs o, long costFen) => Of(MainMeasure(type, o), o, costFen);

    public static UnitCost MainCost(Project p) => MainCost(p.Type,
        Outputs.Planned(p.Type, p.PlannedBeneficiaries, p.PlannedSessions, p.BudgetLines.Select(l => (l.Unit, l.Quantity))),
        p.BudgetLines.Sum(l => l.AmountFen));
}
