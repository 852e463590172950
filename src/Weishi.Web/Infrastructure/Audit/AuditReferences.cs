using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Audit;

/// <summary>
/// Fields that hold another record's id (or a comma-separated list of ids) — a contractor, a region, a project, a
/// user account — shown by that record's name. The names are read for a whole page of audit rows at once, one query
/// per kind of record (<see cref="LoadAsync"/>), never one per value. A record the reader may not see (scope filters
/// apply) or that no longer exists is shown by its id.
/// </summary>
public sealed class AuditReferences
{
    public enum Kind { Contractor, Region, Project, User }

    /// <summary>Reference fields by the name they have on every audited type.</summary>
    private static readonly Dictionary<string, Kind> SharedFields = new(StringComparer.Ordinal)
    {
        ["ContractorId"] = Kind.Contractor,
        ["RegionId"] = Kind.Region,
        ["ProjectId"] = Kind.Project,
    };

    /// <summary>Reference fields named for one type only.</summary>
    private static readonly Dictionary<(string Entity, string Field), Kind> EntityFields = new()
    {
        [("PerformanceEvaluation", "OwnerRegionId")] = Kind.Region,
        [("PerformanceEvaluation", "RegionIds")] = Kind.Region,
        [("PerformanceEvaluation", "ProjectIds")] = Kind.Project,
        [("ProposalDetails", "CopiedFromProjectId")] = Kind.Project,
        [("SimilarMatch", "SimilarProjectId")] = Kind.Project,
        [("SpotCheckDraw", "CandidateIds")] = Kind.Project,
    };

    /// <summary>The kind of record a field refers to; null when it holds no reference. Every field named …UserId holds
    /// an account's id.</summary>
    public static Kind? KindOf(string entity, string field) =>
        EntityFields.TryGetValue((entity, field), out var kind) ? kind
        : SharedFields.TryGetValue(field, out kind) ? kind
        : field.EndsWith("UserId", StringComparison.Ordinal) ? Kind.User
        : null;

    /// <summary>The field's Chinese name without 编号 when its ids are shown by name (承接单位编号 → 承接单位).</summary>
    public static string FieldName(string name) =>
        name.EndsWith("编号", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;

    private readonly Dictionary<(Kind, string), string> _names;
    private readonly Dictionary<string, string> _assessmentInputs;

    private AuditReferences(Dictionary<(Kind, string), string> names, Dictionary<string, string> assessmentInputs) =>
        (_names, _assessmentInputs) = (names, assessmentInputs);

    /// <summary>A record's name (for a user account: its login name, shown by display name); null when unknown.</summary>
    public string? Name(Kind kind, string id) => _names.GetValueOrDefault((kind, id));

    /// <summary>An assessment input's name by its key (the inputs are services, read once for the page).</summary>
    public string? AssessmentInput(string key) => _assessmentInputs.GetValueOrDefault(key);

    /// <summary>The ids one stored value holds ("26", 26 or "3,5,8").</summary>
    public static IEnumerable<string> Ids(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.String => value.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };

    /// <summary>The names of every record the rows' reference fields name, read with one query per kind.</summary>
    public static async Task<AuditReferences> LoadAsync(WeishiDbContext db, IEnumerable<AuditEntry> entries, IServiceProvider services,
        CancellationToken ct = default)
    {
        var wanted = Enum.GetValues<Kind>().ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var entry in entries)
            foreach (var json in new[] { entry.Before, entry.After })
                foreach (var (field, value) in AuditChanges.Parse(json) ?? [])
                    if (KindOf(entry.Entity, field) is { } kind) wanted[kind].UnionWith(Ids(value));

        var names = new Dictionary<(Kind, string), string>();
        static List<int> Numbers(HashSet<string> ids) => ids.Select(i => int.TryParse(i, out var n) ? n : (int?)null).OfType<int>().ToList();
        void Add(Kind kind, int id, string name) => names[(kind, id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = name;
        if (Numbers(wanted[Kind.Contractor]) is { Count: > 0 } contractors)
            foreach (var c in await db.Contractors.AsNoTracking().Where(c => contractors.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                Add(Kind.Contractor, c.Id, c.Name);
        if (Numbers(wanted[Kind.Region]) is { Count: > 0 } regions)
            foreach (var r in await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Id)).Select(r => new { r.Id, r.ShortName }).ToListAsync(ct))
                Add(Kind.Region, r.Id, r.ShortName);
        if (Numbers(wanted[Kind.Project]) is { Count: > 0 } projects)
            foreach (var p in await db.Projects.AsNoTracking().Where(p => projects.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Code }).ToListAsync(ct))
                Add(Kind.Project, p.Id, $"{p.Name}（{p.Code}）");
        if (wanted[Kind.User] is { Count: > 0 } users)
        {
            var ids = users.ToList();
            // Only the login name is read: the page shows it by the account's display name (UserNameTagHelper).
            foreach (var u in await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id) && u.UserName != null)
                         .Select(u => new { u.Id, u.UserName }).ToListAsync(ct))
                names[(Kind.User, u.Id)] = u.UserName!;
        }
        var inputs = services.GetServices<IAssessmentInput>().GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return new AuditReferences(names, inputs);
    }
}
