using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.CostBenchmarking;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Voting;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Infrastructure.Audit;

/// <summary>
/// Reads an audit row's stored before/after JSON as a list of field → old → new for people: Chinese field names,
/// enum values by their Chinese names, 分 as 元, UTC as local time, personal ciphertext and hashes as 已加密.
/// The stored row is never changed; a row whose text is not JSON (a summary) is shown as it is.
/// </summary>
public static class AuditChanges
{
    /// <summary>
    /// One field: its Chinese name and its old and new value as read by people. <see cref="Login"/>: the values are login
    /// names (shown by the person's display name). <see cref="Parts"/>: the value held fields of its own, shown one by one.
    /// </summary>
    public sealed record Change(string Field, string? Old, string? New, bool Login = false, IReadOnlyList<Change>? Parts = null);

    public const string Protected = "（已加密）";
    public const string HiddenToken = "（访问凭证，不显示）";
    public const string Empty = "（空）";

    /// <summary>Enum types whose values have a Chinese name, each by the feature's own naming helper.</summary>
    private static readonly Dictionary<Type, Func<object, string>> EnumNames = new()
    {
        [typeof(ProjectStatus)] = v => ProjectWorkflow.Name((ProjectStatus)v),
        [typeof(ProjectType)] = v => ProjectNames.Type((ProjectType)v),
        [typeof(ProjectCategory)] = v => ProjectNames.Category((ProjectCategory)v),
        [typeof(DemandChannel)] = v => Demand.ChannelName((DemandChannel)v),
        [typeof(DemandStatus)] = v => Demand.StatusName((DemandStatus)v),
        [typeof(AgeBand)] = v => DemandProfile.Name((AgeBand)v),
        [typeof(ResidentType)] = v => DemandProfile.Name((ResidentType)v),
        [typeof(ResidentGroups)] = v => DemandProfile.GroupNames((ResidentGroups)v),
        [typeof(UnitMeasure)] = v => UnitCost.MeasureName((UnitMeasure)v),
        [typeof(AssetKind)] = v => AssetNames.Kind((AssetKind)v),
        [typeof(UpkeepBody)] = v => AssetNames.Body((UpkeepBody)v),
        [typeof(AssetRecordKind)] = v => AssetNames.Record((AssetRecordKind)v),
        [typeof(AppRole)] = v => AppRoles.DisplayName((AppRole)v),
        [typeof(ContractorType)] = v => Contractor.TypeName((ContractorType)v),
        [typeof(ApplicationStatus)] = v => AdmissionApplication.StatusName((ApplicationStatus)v),
        [typeof(RuleOutcome)] = v => AdmissionRule.OutcomeName((RuleOutcome)v),
        [typeof(RuleKind)] = v => RulesModel.KindName((RuleKind)v),
        [typeof(ProposalStatus)] = v => SanctionProposal.StatusName((ProposalStatus)v),
        [typeof(TargetDimension)] = v => PerformanceTarget.DimensionName((TargetDimension)v),
        [typeof(SelectionRule)] = v => SelectionRuleNames.Name((SelectionRule)v),
        [typeof(RegionLevel)] = v => Region.LevelName((RegionLevel)v),
        [typeof(AcceptanceResult)] = v => AcceptanceRecord.ResultName((AcceptanceResult)v),
        [typeof(ScoringMethod)] = v => IndicatorNode.MethodName((ScoringMethod)v),
        [typeof(EvaluationScopeKind)] = v => PerformanceEvaluation.ScopeName((EvaluationScopeKind)v),
        [typeof(AdmissionDecision)] = v => AdmissionVerdict.DecisionName((AdmissionDecision)v),
        [typeof(SanctionKind)] = v => ContractorSanction.KindName((SanctionKind)v),
        [typeof(ChangeStatus)] = v => ContractorChangeRequest.StatusName((ChangeStatus)v),
        [typeof(BallotKind)] = v => Ballot.KindName((BallotKind)v),
        [typeof(TreeKind)] = v => TreeKinds.Name((TreeKind)v),
    };

    public static bool HasEnumName(Type enumType) => EnumNames.ContainsKey(enumType);

    /// <summary>The changes of one row; null when its text is not field JSON (then show <see cref="AuditEntry.After"/> as it is).</summary>
    /// <param name="references">The names of the records the page's rows refer to (and of the assessment inputs), read
    /// once for the page; without them ids are shown as stored.</param>
    public static IReadOnlyList<Change>? Of(AuditEntry entry, IModel model, AuditReferences? references = null)
    {
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        if ((entry.Before is not null && before is null) || (entry.After is not null && after is null) || (before is null && after is null))
            return null;
        return Fields(entry.Entity, before, after, model, references, changedOnly: false);
    }

    /// <summary>
    /// One change per field. A field whose value is itself field JSON (a change request's proposed fields) gets its own
    /// fields as <see cref="Change.Parts"/>, named by the type they belong to — only those that differ when both sides have them.
    /// </summary>
    private static List<Change> Fields(string entity, Dictionary<string, JsonElement>? before, Dictionary<string, JsonElement>? after,
        IModel model, AuditReferences? references, bool changedOnly)
    {
        var type = model.GetEntityTypes().FirstOrDefault(t => !t.IsOwned() && t.ClrType.Name == entity);
        var fields = (before ?? after)!.Keys.Concat((after ?? before)!.Keys).Distinct().ToList();
        if (changedOnly && before is not null && after is not null)
        {
            static string? Raw(Dictionary<string, JsonElement> values, string f) => values.TryGetValue(f, out var v) ? v.GetRawText() : null;
            var differing = fields.Where(f => Raw(before, f) != Raw(after, f)).ToList();
            if (differing.Count > 0) fields = differing;
        }
        return fields.Where(f => !AuditCodeValues.IsHidden(entity, f)).Select(f =>
        {
            var old = before?.GetValueOrDefault(f);
            var now = after?.GetValueOrDefault(f);
            var name = AuditNames.Field(entity, f);
            var (innerOld, innerNew) = (Nested(old), Nested(now));
            if ((innerOld ?? innerNew) is not null && (old is null || innerOld is not null) && (now is null || innerNew is not null))
                return new Change(name, null, null, Parts: Fields(AuditCodeValues.JsonFieldsOf(entity, f), innerOld, innerNew, model, references, changedOnly: true));
            if (references is not null && AuditReferences.KindOf(entity, f) is { } kind)
                return Referred(name, kind, old, now, references);
            return new Change(name, old is { } o ? Show(entity, f, o, type, references) : null, now is { } n ? Show(entity, f, n, type, references) : null,
                Login: AuditNames.IsLogin(f));
        }).ToList();
    }

    /// <summary>
    /// A field holding ids of other records, shown by their names under the field's name without 编号; an account by its
    /// login name (shown by display name), one gone as 已删除的账号; an id the reader may not see as the id.
    /// </summary>
    private static Change Referred(string name, AuditReferences.Kind kind, JsonElement? old, JsonElement? now, AuditReferences references)
    {
        string? Value(JsonElement? value)
        {
            if (value is not { } v) return null;
            var ids = AuditReferences.Ids(v).ToList();
            if (ids.Count == 0) return Empty;
            if (kind == AuditReferences.Kind.User) return references.Name(kind, ids[0]) ?? "（已删除的账号）";
            return string.Join("、", ids.Select(id => references.Name(kind, id) ?? id));
        }
        return new Change(AuditReferences.FieldName(name), Value(old), Value(now), Login: kind == AuditReferences.Kind.User);
    }

    /// <summary>A string value that is itself field JSON, read as fields; null for any other value.</summary>
    private static Dictionary<string, JsonElement>? Nested(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s ? Parse(s.GetString()) : null;

    /// <summary>A row's field JSON as fields; null for any other text (a summary).</summary>
    internal static Dictionary<string, JsonElement>? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || !json.TrimStart().StartsWith('{')) return null;
        try { return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json); }
        catch (JsonException) { return null; }
    }

    private static string Show(string entity, string field, JsonElement value, IEntityType? type, AuditReferences? references)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return Empty;
        if (AuditNames.IsProtected(field)) return Protected;
        if (AuditNames.IsAccessToken(field)) return HiddenToken;
        if (AuditNames.IsPersonalInClear(field))
            return value.ValueKind == JsonValueKind.String && field.Contains("Phone", StringComparison.Ordinal)
                ? PersonalData.MaskPhone(value.GetString()!) : Protected;
        if (AuditCodeValues.IsCoded(entity, field) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            return AuditCodeValues.Name(entity, field, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), references)!;
        var clr = type?.FindProperty(field)?.ClrType;
        clr = clr is null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
        if (clr is { IsEnum: true } && value.TryGetInt64(out var number))
        {
            var enumValue = Enum.ToObject(clr, number);
            return EnumNames.TryGetValue(clr, out var name) ? name(enumValue) : enumValue.ToString()!;
        }
        if (field.EndsWith("Fen", StringComparison.Ordinal) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var fen))
            return Money.Money.Yuan(fen) + " 元";
        if ((clr == typeof(DateTime) || (clr is null && field.EndsWith("Utc", StringComparison.Ordinal)))
            && value.ValueKind == JsonValueKind.String
            && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
            return Display.Time(utc);
        return value.ValueKind switch
        {
            JsonValueKind.True => "是",
            JsonValueKind.False => "否",
            JsonValueKind.String => value.GetString()!,
            _ => value.GetRawText(),
        };
    }
}
