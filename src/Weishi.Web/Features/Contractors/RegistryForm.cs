using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors;

/// <summary>The registry form shared by the district's edit page and the contractor's own profile page.</summary>
public sealed class RegistryForm
{
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public ContractorType Type { get; set; } = ContractorType.SocialOrganisation;
    public DateOnly? RegisteredOn { get; set; }
    public int? OrgRatingLevel { get; set; }
    public DateOnly? OrgRatedOn { get; set; }
    public int FullTimeStaff { get; set; }
    public int CertifiedSocialWorkers { get; set; }
    [StringLength(200, ErrorMessage = "地址不超过200字")]
    public string? Address { get; set; }
    [StringLength(60, ErrorMessage = "联系人不超过60字")]
    public string? ContactName { get; set; }
    /// <summary>New contact phone; blank keeps the stored one.</summary>
    public string? ContactPhone { get; set; }
    public List<ProjectCategory> ServiceAreas { get; set; } = [];
    [StringLength(1000, ErrorMessage = "单位简介不超过1000字")]
    public string? Profile { get; set; }

    public static RegistryForm Of(Contractor c) => new()
    {
        Name = c.Name, CreditCode = c.CreditCode, Type = c.Type, RegisteredOn = c.RegisteredOn, OrgRatingLevel = c.OrgRatingLevel,
        OrgRatedOn = c.OrgRatedOn, FullTimeStaff = c.FullTimeStaff, CertifiedSocialWorkers = c.CertifiedSocialWorkers,
        Address = c.Address, ContactName = c.ContactName, ServiceAreas = [.. c.Categories], Profile = c.Profile,
    };

    public KeyFields Key() => new KeyFields(Name ?? "", CreditCode ?? "", Type, RegisteredOn, OrgRatingLevel, OrgRatedOn,
        FullTimeStaff, CertifiedSocialWorkers).Normalized();

    /// <summary>Validates everything and puts Chinese messages into the model state under "Input.*".</summary>
    public async Task ValidateAsync(ModelStateDictionary state, Infrastructure.Data.WeishiDbContext db, int? contractorId, CancellationToken ct)
    {
        TranslateBindingErrors(state);
        foreach (var (field, error) in await Key().ValidateAsync(db, contractorId, ChinaDate.Today(db.Time), ct))
            state.AddModelError("Input." + field, error);
        if (!string.IsNullOrWhiteSpace(ContactPhone) && PersonalData.ValidatePhone(ContactPhone) is { } phoneError)
            state.AddModelError("Input.ContactPhone", phoneError);
        if (ServiceAreas.Any(a => !Enum.IsDefined(a))) state.AddModelError("Input.ServiceAreas", "服务领域不正确");
    }

    /// <summary>Non-district fields: saved directly.</summary>
    public void ApplyOpenFields(Contractor c, PersonalData personal)
    {
        c.Address = Address?.Trim();
        c.ContactName = ContactName?.Trim();
        if (!string.IsNullOrWhiteSpace(ContactPhone))
        {
            c.ContactPhoneEncrypted = personal.EncryptPhone(ContactPhone);
            c.ContactPhoneMasked = PersonalData.MaskPhone(ContactPhone);
        }
        c.Categories = ServiceAreas;
        c.Profile = Profile?.Trim();
    }

    /// <summary>ASP.NET's binding messages are English ("The value 'x' is not valid"); say it in Chinese.</summary>
    public static void TranslateBindingErrors(ModelStateDictionary state)
    {
        foreach (var (key, entry) in state.Where(kv => kv.Value?.Errors.Count > 0).ToList())
        {
            // Our own messages are Chinese; the framework's are English (the attempted value may itself be Chinese).
            var attempted = entry!.AttemptedValue ?? "";
            if (entry.Errors.All(e => e.Exception is null && ContainsChinese(attempted.Length > 0 ? e.ErrorMessage.Replace(attempted, "", StringComparison.Ordinal) : e.ErrorMessage))) continue;
            entry.Errors.Clear();
            entry.Errors.Add($"“{Label(key)}”填写的内容无效（{entry.AttemptedValue}）");
        }
    }

    private static bool ContainsChinese(string s) => s.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF);

    private static string Label(string key) => key.Split('.').Last() switch
    {
        nameof(RegisteredOn) => "登记成立日期",
        nameof(OrgRatingLevel) => "评估等级",
        nameof(OrgRatedOn) => "评估日期",
        nameof(FullTimeStaff) => "专职人员数",
        nameof(CertifiedSocialWorkers) => "持证社工人数",
        var other => other,
    };
}
