namespace Weishi.Web.Infrastructure.Audit;

/// <summary>
/// Chinese names of what the audit log records: every audited type (<c>AuditNames.Entities.cs</c>) and every field it
/// records — by the type's own name for the field where it has one (<c>AuditNames.EntityFields.cs</c>), else by the name
/// shared across types (<c>AuditNames.Fields.cs</c>). Tests check every recorded field has one and no two fields of a type
/// share it. The log stores the code names; only the display uses these.
/// </summary>
public static partial class AuditNames
{
    public static bool HasEntity(string entity) => Entities.ContainsKey(entity);

    /// <summary>The Chinese name of an audited type; its code name when it has none.</summary>
    public static string Entity(string entity) => Entities.GetValueOrDefault(entity, entity);

    /// <summary>The Chinese name of a field of an audited type (by its code name); the field's code name when it has none.</summary>
    public static string Field(string entity, string field) => FieldOrNull(entity, field) ?? field;

    public static bool HasField(string entity, string field) => FieldOrNull(entity, field) is not null;

    /// <summary>The fields named for one type only, to check they still exist.</summary>
    public static IEnumerable<(string Entity, string Field)> EntitySpecificFields => EntityFields.Keys;

    private static string? FieldOrNull(string entity, string field) =>
        EntityFields.GetValueOrDefault((entity, field)) ?? Fields.GetValueOrDefault(field);

    /// <summary>Ciphertext and keyed hashes of personal data: shown as 已加密, never as their value.</summary>
    public static bool IsProtected(string field) =>
        field.EndsWith("Encrypted", StringComparison.Ordinal) || field.EndsWith("Hash", StringComparison.Ordinal);

    /// <summary>
    /// Tokens that open something to whoever holds them (an activity's sign-in code, a survey's public link): shown as
    /// 不显示, never as their value, so reading the log does not hand out the link.
    /// </summary>
    public static bool IsAccessToken(string field) => field.EndsWith("Token", StringComparison.Ordinal);

    /// <summary>
    /// A phone or ID number as typed, which no audited record keeps but a value holding another record's fields might:
    /// a phone is shown masked as everywhere else (138****1234), an ID number not at all.
    /// </summary>
    public static bool IsPersonalInClear(string field) =>
        field.EndsWith("Phone", StringComparison.Ordinal) || field.EndsWith("IdNumber", StringComparison.Ordinal);

    /// <summary>Who did something, stored as their login name (CreatedBy, DecidedByName, …): shown by their display name.</summary>
    public static bool IsLogin(string field) =>
        field.EndsWith("By", StringComparison.Ordinal) || field.EndsWith("ByName", StringComparison.Ordinal) || field == "ByUser";
}
