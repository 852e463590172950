using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Maintenance;

/// <summary>What an inspection or repair record must satisfy before it is kept.</summary>
public static class AssetRecordRules
{
    public const int MaxTextLength = 500;

    /// <summary>The reason in Chinese, or null when the record may be saved.</summary>
    public static string? Validate(Asset asset, AssetRecordKind kind, DateOnly? on, string? text, DateOnly today)
    {
        if (!Enum.IsDefined(kind)) return "请选择巡查或维修";
        if (on is not { } day) return "请填写日期";
        if (day > today) return "日期不能晚于今天";
        // Nothing is inspected or repaired before it exists.
        if (day < asset.CompletedOn) return $"{AssetNames.Record(kind)}日期不能早于竣工日期（{Display.Date(asset.CompletedOn)}）";
        if (kind == AssetRecordKind.Repair && string.IsNullOrWhiteSpace(text)) return "请填写维修内容";
        if (text?.Trim() is { Length: > MaxTextLength }) return $"发现的问题 / 维修内容不能超过 {MaxTextLength} 字";
        return null;
    }
}
