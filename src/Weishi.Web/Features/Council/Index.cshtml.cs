using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Screening;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Council;

/// <summary>议事会: the community's council meetings, and a form to record a new one with its members.</summary>
public sealed class IndexModel(WeishiDbContext db, RubricService rubrics) : PageModel
{
    public int NextYear => ChinaDate.Today(db.Time).Year + 1;
    public sealed record Row(int Id, string Community, int Year, DateOnly HeldOn, string Place, int Members, int Present, int RubricVersion);

    public IReadOnlyList<Row> Sessions { get; private set; } = [];
    public IReadOnlyList<Region> Communities { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(int regionId, int year, DateOnly? heldOn, string? place, int quorum, string? members)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId && r.Level == RegionLevel.Community);
        var parsed = ParseMembers(members);
        if (region is null || !db.Scope.CanWrite(region.Id)) Error = "请选择您负责的社区";
        else if (year < 2000 || year > 2100) Error = "年度不正确";
        else if (heldOn is null) Error = "请填写会议日期";
        else if (string.IsNullOrWhiteSpace(place) || place.Length > 100) Error = "请填写会议地点（不超过100字）";
        else if (parsed.Count == 0) Error = "请填写议事会成员，每行一人；人大代表在姓名后写“,代表”";
        else if (MembersProblem(parsed) is { } membersProblem) Error = membersProblem;
        else if (quorum < 1 || quorum > parsed.Count) Error = $"法定人数应在 1 到 {parsed.Count} 之间";
        // Members score against the year's published rubric; publishing it is the district's decision, never a side effect here.
        var rubric = Error is null ? await rubrics.CurrentAsync(year) : null;
        if (Error is null && rubric is null) Error = $"{year} 年筛选标准尚未发布，请联系区主管部门在“筛选标准”页发布后再登记议事会会议";
        if (Error is not null) { await LoadAsync(); return Page(); }

        var session = new CouncilSession { RegionId = region!.Id, Year = year, HeldOn = heldOn!.Value, Place = place!.Trim(), Quorum = quorum, RubricId = rubric!.Id };
        foreach (var (name, deputy) in parsed)
            session.Members.Add(new CouncilMember { RegionId = region.Id, Name = name, IsDeputy = deputy, Present = true });
        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync();
        TempData["Message"] = "已登记议事会会议";
        return RedirectToPage("/Council/Session", new { id = session.Id });
    }

    /// <summary>One member per line: "姓名" or "姓名,代表" for a people's congress deputy.</summary>
    public static List<(string Name, bool Deputy)> ParseMembers(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split([',', '，'], 2, StringSplitOptions.TrimEntries))
            .Select(p => (p[0], p.Length > 1 && p[1].Contains("代表", StringComparison.Ordinal))).ToList();

    /// <summary>Every member is named, and named once: scores and attendance are recorded per name.</summary>
    public static string? MembersProblem(IReadOnlyList<(string Name, bool Deputy)> members)
    {
        if (members.Any(m => m.Name.Length == 0)) return "成员姓名不能为空（人大代表写“姓名,代表”）";
        if (members.Any(m => m.Name.Length > 40)) return "成员姓名不超过40字";
        var repeated = members.GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0) return $"成员姓名不能重复：{string.Join("、", repeated)}（同名的请加以区分，如“{repeated[0]}（二组）”）";
        return null;
    }

    private async Task LoadAsync()
    {
        var scope = db.Scope;
        Communities = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).ToListAsync())
            .Where(r => scope.CanWrite(r.Id)).ToList();
        Sessions = await db.CouncilSessions.AsNoTracking().OrderByDescending(s => s.HeldOn).Take(100)
            .Select(s => new Row(s.Id, s.Region!.ShortName, s.Year, s.HeldOn, s.Place, s.Members.Count, s.Members.Count(m => m.Present), s.Rubric!.Version))
            .ToListAsync();
    }
}
