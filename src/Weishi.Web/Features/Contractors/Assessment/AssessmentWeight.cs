namespace Weishi.Web.Features.Contractors.Assessment;

/// <summary>The weight the district gives one assessment input; inputs without a row use their default.</summary>
public class AssessmentWeight : Infrastructure.Audit.IAudited
{
    public int Id { get; set; }
    public required string InputKey { get; set; }
    public int Weight { get; set; }
}
