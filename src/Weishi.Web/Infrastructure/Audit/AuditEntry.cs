namespace Weishi.Web.Infrastructure.Audit;

/// <summary>One change to business data. Rows are only ever added.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }

    public static string ActionName(string action) => action switch
    {
        "Added" => "新增",
        "Modified" => "修改",
        "Deleted" => "删除",
        "Disabled" => "停用",
        "Enabled" => "启用",
        _ => action,
    };
}
