using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Projects;

/// <summary>One cost item of a project's budget; the project's budget is the sum of its lines.</summary>
public class BudgetLine : IAudited, IProjectChild
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public required string Item { get; set; }
    public required string Unit { get; set; }
    public decimal Quantity { get; set; }
    public long UnitPriceFen { get; set; }
    /// <summary>Quantity × unit price rounded to the fen; set by <see cref="Price"/>.</summary>
    public long AmountFen { get; set; }

    public static long Amount(decimal quantity, long unitPriceFen) =>
        (long)Math.Round(quantity * unitPriceFen, MidpointRounding.AwayFromZero);

    public void Price() => AmountFen = Amount(Quantity, UnitPriceFen);
}
