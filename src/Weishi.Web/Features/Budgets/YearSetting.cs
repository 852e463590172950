namespace Weishi.Web.Features.Budgets;

/// <summary>Programme settings for one year.</summary>
public class YearSetting : Infrastructure.Audit.IAudited
{
    /// <summary>市财政 1:1 补助 is at most 100 万元 per community per year unless set otherwise.</summary>
    public const long DefaultSubsidyCapFen = 100_0000_00;

    public int Year { get; set; }
    public long CitySubsidyCapFen { get; set; } = DefaultSubsidyCapFen;
}
