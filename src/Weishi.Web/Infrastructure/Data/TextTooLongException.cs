using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Infrastructure.Data;

/// <summary>
/// A save refused because a text is longer than its column (<see cref="WeishiDbContext"/> checks every added or changed
/// text before writing, so SQLite refuses what PostgreSQL would). Pages answer it with the form and the message, jobs
/// with a failed job and the message; nothing of that save is stored.
/// </summary>
public sealed class TextTooLongException(string entity, string property, int maxLength, int length)
    : Exception($"「{Label(entity, property)}」过长，最多 {maxLength} 个字（现为 {length} 个字），未保存")
{
    public string Entity { get; } = entity;
    public string Property { get; } = property;
    public int MaxLength { get; } = maxLength;
    public int Length { get; } = length;

    /// <summary>The Chinese name of the field: the audit log's names of the entity and of the field on that entity.</summary>
    public static string Label(string entity, string property)
    {
        var field = AuditNames.HasField(entity, property) ? AuditNames.Field(entity, property) : null;
        if (!AuditNames.HasEntity(entity)) return field ?? "填写的内容";
        return field is null ? AuditNames.Entity(entity) + "中的一项内容" : AuditNames.Entity(entity) + "的" + field;
    }
}
