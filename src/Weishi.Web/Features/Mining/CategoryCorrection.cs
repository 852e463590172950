using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>A staff member's correction of a need's category; the latest per need is used when the classifier is retrained.</summary>
public class CategoryCorrection : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int DemandId { get; set; }
    public Demands.Demand? Demand { get; set; }
    public int RegionId { get; set; }
    /// <summary>The text as it was corrected (training data must not change under the model).</summary>
    public required string Text { get; set; }
    public required string SuggestedCategory { get; set; }
    public required string Category { get; set; }
    public string? CorrectedByUserId { get; set; }
    public required string CorrectedByName { get; set; }
    public DateTime CorrectedAtUtc { get; set; }
}

/// <summary>A classifier retrained with staff corrections; the newest is used by later mining runs.</summary>
// Not IAudited: the row holds a 250 KB model that would be copied into the audit log; its figures are the record.
public class ClassifierVersion
{
    public int Id { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedByName { get; set; } = "system";
    public int CorrectionsUsed { get; set; }
    public int HeldOut { get; set; }
    /// <summary>Accuracy on the held-out corrections of the model in use before, and of this one; null without held-out rows.</summary>
    public double? AccuracyBefore { get; set; }
    public double? AccuracyAfter { get; set; }
    /// <summary>Taken out of use by an administrator: mining then uses the newest version not retired, else the shipped model.</summary>
    public bool Retired { get; set; }
    /// <summary>The model file (gzip'd text, see CategoryModel.Save).</summary>
    public required byte[] Model { get; set; }
}
