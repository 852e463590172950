using Weishi.TextMining.Classification;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Mining;
using Weishi.Web.Features.Projects;

namespace Weishi.Web.Infrastructure.Audit;

/// <summary>
/// Fields that store a code rather than words (a metric's key, a finding type, a need's category, a population segment,
/// category numbers, a rating as a number): shown by the name the feature's own page gives it. A code the feature no longer knows is
/// shown as stored, so nothing recorded is hidden.
/// </summary>
public static class AuditCodeValues
{
    private static readonly Dictionary<(string Entity, string Field), Func<string, string>> Names = new()
    {
        [("Contractor", "ServiceAreas")] = Areas,
        [("Contractor", "OrgRatingLevel")] = v => int.TryParse(v, out var level) ? Contractor.RatingName(level) : v,
        [("CommunityPopulation", "Segment")] = v => v == Segment.Total ? "常住人口总数"
            : Segment.All.FirstOrDefault(s => s.Key == v) is { } s ? $"{s.Name}（{s.Dimension}）" : v,
        [("IndicatorNode", "MetricCode")] = v => DataMetrics.Find(v)?.Name ?? v,
        [("SegmentationTerm", "Tag")] = v => SegmentationTermRules.Tags.GetValueOrDefault(v, v),
        [("EvaluationRecommendation", "FindingType")] = v => FindingTypes.Find(v)?.Name ?? v,
        [("FindingRecommendation", "Type")] = v => FindingTypes.Find(v)?.Name ?? v,
        [("CategoryCorrection", "Category")] = Categories.ChineseName,
        [("CategoryCorrection", "SuggestedCategory")] = Categories.ChineseName,
        [("ApplicationDocument", "ContentType")] = FileKind,
        // Where the photo is stored says nothing to a reader (no original name is kept): only that there is one.
        [("Demand", "PhotoPath")] = v => v.Length == 0 ? AuditChanges.Empty : "已上传照片",
    };

    /// <summary>Technical fields not shown at all: a stored file's name on disk (the row's 文件名 keeps the original).</summary>
    private static readonly HashSet<(string Entity, string Field)> Hidden =
    [
        ("ApplicationDocument", "StoredName"),
    ];

    /// <summary>Codes named by a service of the feature (the assessment inputs are services, each with its name), read
    /// once per page by <see cref="AuditReferences"/>.</summary>
    private static readonly Dictionary<(string Entity, string Field), Func<AuditReferences, string, string?>> ServiceNames = new()
    {
        [("AssessmentWeight", "InputKey")] = (references, v) => references.AssessmentInput(v),
    };

    /// <summary>
    /// Fields holding another record's fields as JSON, with the type whose field names they use
    /// (a change request proposes a contractor's registry fields).
    /// </summary>
    private static readonly Dictionary<(string Entity, string Field), string> JsonOf = new()
    {
        [("ContractorChangeRequest", "ProposedJson")] = nameof(Contractor),
    };

    /// <summary>The stored code's name, or null when the field is not a coded one.</summary>
    public static string? Name(string entity, string field, string value, AuditReferences? references) =>
        Names.TryGetValue((entity, field), out var name) ? name(value)
        : ServiceNames.TryGetValue((entity, field), out var byService) ? (references is null ? null : byService(references, value)) ?? value
        : null;

    public static bool IsCoded(string entity, string field) => Names.ContainsKey((entity, field)) || ServiceNames.ContainsKey((entity, field));

    public static bool IsHidden(string entity, string field) => Hidden.Contains((entity, field));

    /// <summary>The type whose field names a JSON value of this field uses: the named one, else the field's own type.</summary>
    public static string JsonFieldsOf(string entity, string field) => JsonOf.GetValueOrDefault((entity, field), entity);

    /// <summary>A stored content type as a reader names the file: 图片, PDF, Word 文档, Excel 表格, else 其他文件.</summary>
    private static string FileKind(string contentType) => contentType.ToLowerInvariant() switch
    {
        var t when t.StartsWith("image/", StringComparison.Ordinal) => "图片",
        "application/pdf" => "PDF",
        var t when t.Contains("word", StringComparison.Ordinal) => "Word 文档",
        var t when t.Contains("sheet", StringComparison.Ordinal) || t.Contains("excel", StringComparison.Ordinal) => "Excel 表格",
        "" => AuditChanges.Empty,
        _ => "其他文件",
    };

    /// <summary>"1,3" → 社区服务、为老服务; a number that is no category stays a number.</summary>
    private static string Areas(string stored)
    {
        var parts = stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return AuditChanges.Empty;
        return string.Join("、", parts.Select(p =>
            int.TryParse(p, out var n) && Enum.IsDefined((ProjectCategory)n) ? ProjectNames.Category((ProjectCategory)n) : p));
    }
}
