using System.Security.Cryptography;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

/// <summary>What every need must satisfy, whatever the channel, and its tracking code.</summary>
public static class DemandRules
{
    /// <summary>Statuses of a need still waiting for an answer: it may be merged or linked to a project.</summary>
    public static readonly DemandStatus[] OpenStatuses = [DemandStatus.Pending, DemandStatus.Accepted];

    /// <summary>Open needs not yet linked to a project: the ones a proposal may take up.</summary>
    public static IQueryable<Demand> OpenAndUnlinked(this IQueryable<Demand> demands) =>
        demands.Where(d => d.ProjectId == null && OpenStatuses.Contains(d.Status));

    public const int MaxTextLength = 1000;
    public const int MinTextLength = 5;
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The reason in Chinese, or null when the text is acceptable.</summary>
    public static string? ValidateText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "需求内容不能为空";
        var trimmed = text.Trim();
        if (trimmed.Length < MinTextLength) return $"需求内容太短，请至少写 {MinTextLength} 个字";
        if (trimmed.Length > MaxTextLength) return $"需求内容不能超过 {MaxTextLength} 字（现为 {trimmed.Length} 字）";
        return null;
    }

    /// <summary>No need heard before this day is recorded: the programme's needs start well after it.</summary>
    public static readonly DateOnly EarliestCollectedOn = new(2015, 1, 1);

    /// <summary>The reason in Chinese, or null when the day staff heard the need is acceptable.</summary>
    public static string? ValidateCollectedOn(DateOnly? collectedOn, DateOnly today)
    {
        if (collectedOn is not { } on) return "请填写收集日期";
        if (on > today) return "收集日期不能晚于今天";
        if (on < EarliestCollectedOn) return $"收集日期不能早于 {Display.Date(EarliestCollectedOn)}";
        return null;
    }

    /// <summary>Ten characters without look-alikes (no 0/O, 1/I), easy to read out on the phone.</summary>
    public static string NewTrackingCode() =>
        string.Create(10, 0, (span, _) =>
        {
            // One call to the secure generator per code; 32 letters, so the low five bits of a byte pick one uniformly.
            Span<byte> random = stackalloc byte[10];
            RandomNumberGenerator.Fill(random);
            for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[random[i] & 31];
        });
}
