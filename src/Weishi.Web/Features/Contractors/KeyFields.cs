using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors;

/// <summary>
/// The registry fields that admission depends on. The district edits them directly; a contractor's own change
/// to any of them waits in a <see cref="ContractorChangeRequest"/> until the district confirms it.
/// </summary>
public sealed record KeyFields(
    string Name,
    string CreditCode,
    ContractorType Type,
    DateOnly? RegisteredOn,
    int? OrgRatingLevel,
    DateOnly? OrgRatedOn,
    int FullTimeStaff,
    int CertifiedSocialWorkers)
{
    public static KeyFields Of(Contractor c) => new(c.Name, c.CreditCode, c.Type, c.RegisteredOn, c.OrgRatingLevel, c.OrgRatedOn,
        c.FullTimeStaff, c.CertifiedSocialWorkers);

    public KeyFields Normalized() => this with { Name = Name.Trim(), CreditCode = Contractors.CreditCode.Normalize(CreditCode ?? "") };

    public void ApplyTo(Contractor c)
    {
        c.Name = Name;
        c.CreditCode = CreditCode;
        c.Type = Type;
        c.RegisteredOn = RegisteredOn;
        c.OrgRatingLevel = OrgRatingLevel;
        c.OrgRatedOn = OrgRatingLevel is null ? null : OrgRatedOn;
        c.FullTimeStaff = FullTimeStaff;
        c.CertifiedSocialWorkers = CertifiedSocialWorkers;
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static KeyFields FromJson(string json) => JsonSerializer.Deserialize<KeyFields>(json)!;

    /// <summary>Field-by-field errors in Chinese (key: property name); empty when the fields may be saved.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(WeishiDbContext db, int? contractorId, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name)) errors[nameof(Name)] = "请填写单位名称";
        else if (Name.Length > 120) errors[nameof(Name)] = "单位名称不超过120字";
        if (Contractors.CreditCode.Validate(CreditCode) is { } codeError) errors[nameof(CreditCode)] = codeError;
        else if (await db.Contractors.IgnoreQueryFilters().AnyAsync(c => c.CreditCode == CreditCode && c.Id != contractorId, ct))
            errors[nameof(CreditCode)] = "该统一社会信用代码已登记，不能重复登记";
        if (!Enum.IsDefined(Type)) errors[nameof(Type)] = "请选择单位类型";
        if (RegisteredOn is { } reg && reg > today) errors[nameof(RegisteredOn)] = "登记成立日期不能晚于今天";
        if (RegisteredOn is { } r && r.Year < 1949) errors[nameof(RegisteredOn)] = "登记成立日期不正确";
        if (OrgRatingLevel is not null and (< 1 or > 5)) errors[nameof(OrgRatingLevel)] = "社会组织评估等级应为 1A 至 5A";
        if (OrgRatedOn is { } rated && rated > today) errors[nameof(OrgRatedOn)] = "评估日期不能晚于今天";
        if (FullTimeStaff < 0) errors[nameof(FullTimeStaff)] = "专职人员数不能为负数";
        if (CertifiedSocialWorkers < 0) errors[nameof(CertifiedSocialWorkers)] = "持证社工人数不能为负数";
        // 持证社工 are counted among the full-time staff (as admission's staff rules read them), never beyond them.
        else if (FullTimeStaff >= 0 && CertifiedSocialWorkers > FullTimeStaff)
            errors[nameof(CertifiedSocialWorkers)] = $"持证社工（{CertifiedSocialWorkers} 人）不能多于专职人员（{FullTimeStaff} 人）";
        return errors;
    }

    /// <summary>What changed, in Chinese, e.g. "专职人员数：3 → 5".</summary>
    public string DescribeChangesFrom(KeyFields before)
    {
        var parts = new List<string>();
        void Add(string label, object? a, object? b)
        {
            if (!Equals(a, b)) parts.Add($"{label}：{a ?? "（空）"} → {b ?? "（空）"}");
        }
        Add("单位名称", before.Name, Name);
        Add("统一社会信用代码", before.CreditCode, CreditCode);
        Add("类型", Contractor.TypeName(before.Type), Contractor.TypeName(Type));
        Add("登记成立日期", before.RegisteredOn, RegisteredOn);
        Add("评估等级", Contractor.RatingName(before.OrgRatingLevel), Contractor.RatingName(OrgRatingLevel));
        Add("评估日期", before.OrgRatedOn, OrgRatedOn);
        Add("专职人员数", before.FullTimeStaff, FullTimeStaff);
        Add("持证社工人数", before.CertifiedSocialWorkers, CertifiedSocialWorkers);
        return string.Join("；", parts);
    }
}
