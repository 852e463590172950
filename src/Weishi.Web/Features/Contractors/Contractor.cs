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
    public DateTime CreatedAtUtc { get; set; }

    public static string TypeName(ContractorType type) => type switch
    {
        ContractorType.SocialOrganisation => "社会组织",
        ContractorType.Enterprise => "企业",
        ContractorType.PublicInstitution => "事业单位",
        _ => "其他",
    };
}
