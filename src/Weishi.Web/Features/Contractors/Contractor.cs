using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Contractors;

public enum ContractorType
{
    SocialOrganisation = 1,
    Enterprise = 2,
    PublicInstitution = 3,
    Other = 4,
}

/// <summary>承接单位: an organisation that delivers projects.</summary>
public class Contractor : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>统一社会信用代码, 18 characters, check digit validated.</summary>
    public required string CreditCode { get; set; }
    public ContractorType Type { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    /// <summary>The contact's mobile, encrypted with <see cref="Infrastructure.Privacy.PersonalData"/>; only the mask is shown.</summary>
    public string? ContactPhoneEncrypted { get; set; }
    public string? ContactPhoneMasked { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>登记成立日期.</summary>
    public DateOnly? RegisteredOn { get; set; }
    /// <summary>社会组织评估等级 (1A–5A) as a number of A's; null when not rated.</summary>
    public int? OrgRatingLevel { get; set; }
    public DateOnly? OrgRatedOn { get; set; }
    public int FullTimeStaff { get; set; }
    /// <summary>持证社工 (licensed social workers).</summary>
    public int CertifiedSocialWorkers { get; set; }
    /// <summary>服务领域: the programme's categories, stored as comma-separated numbers.</summary>
    public string ServiceAreas { get; set; } = "";
    public string? Profile { get; set; }

    public List<ContractorStaff> Staff { get; set; } = [];
    public List<ContractorViolation> Violations { get; set; } = [];
    public List<DeclaredProject> DeclaredProjects { get; set; } = [];
    public List<ContractorSanction> Sanctions { get; set; } = [];

    public IReadOnlyList<ProjectCategory> Categories
    {
        get => ParseAreas(ServiceAreas);
        set => ServiceAreas = string.Join(',', value.Distinct().OrderBy(c => c).Select(c => (int)c));
    }

    public static IReadOnlyList<ProjectCategory> ParseAreas(string areas) =>
        areas.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, out var n) ? (ProjectCategory)n : 0)
            .Where(Enum.IsDefined).ToList();

    public static string TypeName(ContractorType type) => type switch
    {
        ContractorType.SocialOrganisation => "社会组织",
        ContractorType.Enterprise => "企业",
        ContractorType.PublicInstitution => "事业单位",
        _ => "其他",
    };

    public static string RatingName(int? level) => level is >= 1 and <= 5 ? $"{level}A" : "未评级";
}
