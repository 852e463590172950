using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Regions;

/// <summary>
/// A system administrator keeps the divisions current after a boundary change: adds a community under a subdistrict and
/// renames a region. Regions are never deleted (budgets, projects and accounts point at them). Each change is audited
/// (<see cref="Region"/> is audited). Errors are returned in Chinese.
/// </summary>
public sealed partial class RegionMaintenance(WeishiDbContext db)
{
    public const int NameMaxLength = 60;

    public async Task<(Region? Region, string? Error)> AddCommunityAsync(int subdistrictId, string? code, string? name, string? abbr, CancellationToken ct = default)
    {
        code = code?.Trim() ?? "";
        name = name?.Trim() ?? "";
        abbr = abbr?.Trim().ToUpperInvariant() ?? "";
        var parent = await db.Regions.FirstOrDefaultAsync(r => r.Id == subdistrictId && r.Level == RegionLevel.Subdistrict, ct);
        if (parent is null) return (null, "请选择所属街道");
        if (!CommunityCode().IsMatch(code)) return (null, "社区区划代码应为 12 位数字（统计用区划代码）");
        if (!code.StartsWith(parent.Code, StringComparison.Ordinal) || code.EndsWith("000", StringComparison.Ordinal))
            return (null, $"社区区划代码应以所属街道的代码 {parent.Code} 开头，后三位为社区序号（不能为 000）");
        if (await db.Regions.Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct) is { } holder)
            return (null, $"区划代码 {code} 已被“{holder}”使用");
        if (await NameErrorAsync(name, parent.Id, null, ct) is { } nameError) return (null, nameError);
        if (!Abbreviation().IsMatch(abbr)) return (null, "拼音缩写应为 2–6 个大写字母（用于项目编号，如 LL）");
        var taken = await db.Regions
            .Where(r => (r.Level == RegionLevel.Community && r.Abbr == abbr) || (r.Level == RegionLevel.Subdistrict && r.Abbr + Region.CrossCommunityMark == abbr))
            .Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (taken is not null) return (null, $"拼音缩写 {abbr} 已被“{taken}”的项目编号使用");

        var region = new Region
        {
            Code = code, Name = name, ShortName = Region.ShortNameOf(name), Abbr = abbr, Level = RegionLevel.Community, ParentId = parent.Id,
        };
        await using var work = await db.BeginWorkAsync(ct);
        db.Regions.Add(region);
        try
        {
            await db.SaveChangesAsync(ct);
            await work.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another administrator added the same code meanwhile.
            db.Entry(region).State = EntityState.Detached;
            return (null, $"区划代码 {code} 已被使用");
        }
        return (region, null);
    }

    public async Task<string?> RenameAsync(int regionId, string? name, CancellationToken ct = default)
    {
        name = name?.Trim() ?? "";
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null) return "该区划不存在";
        if (name == region.Name) return "新名称与原名称相同";
        if (await NameErrorAsync(name, region.ParentId, region.Id, ct) is { } error) return error;
        region.Name = name;
        region.ShortName = Region.ShortNameOf(name);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<string?> NameErrorAsync(string name, int? parentId, int? selfId, CancellationToken ct)
    {
        if (name.Length == 0) return "请填写区划名称";
        if (name.Length > NameMaxLength) return $"区划名称不能超过 {NameMaxLength} 个字";
        var shortName = Region.ShortNameOf(name);
        var sameName = await db.Regions.AnyAsync(r => r.ParentId == parentId && r.Id != selfId && (r.Name == name || r.ShortName == shortName), ct);
        return sameName ? $"同一上级区划下已有名为“{name}”的区划" : null;
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex CommunityCode();

    [GeneratedRegex("^[A-Z]{2,6}$")]
    private static partial Regex Abbreviation();
}
