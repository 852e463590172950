using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Contractors.Admission;

public enum ApplicationStatus
{
    /// <summary>已提交，待审核.</summary>
    Submitted = 1,
    Admitted = 2,
    NeedMaterials = 3,
    Refused = 4,
}

/// <summary>A contractor's application to be admitted for one category. Admitted applications form the pool.</summary>
public class AdmissionApplication : IAudited, IContractorOwned
{
    public int Id { get; set; }
    public int ContractorId { get; set; }
    public Contractor? Contractor { get; set; }
    public ProjectCategory Category { get; set; }
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Submitted;
    /// <summary>The automatic evaluation at submission (or last re-evaluation) and its reasons.</summary>
    public AdmissionDecision Evaluated { get; set; }
    public string? EvaluationReasons { get; set; }
    public string? Statement { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewNote { get; set; }
    public List<ApplicationDocument> Documents { get; set; } = [];

    public static string StatusName(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Submitted => "待审核",
        ApplicationStatus.Admitted => "准入",
        ApplicationStatus.NeedMaterials => "待补充材料",
        _ => "不准入",
    };
}

/// <summary>An uploaded supporting document, stored as a file under the app's data folder.</summary>
public class ApplicationDocument : IAudited
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public AdmissionApplication? Application { get; set; }
    public required string FileName { get; set; }
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}
