using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Council;

/// <summary>One council meeting: attendance, each member's rubric scores and comment per proposal, and the ranking.</summary>
public sealed class SessionModel(WeishiDbContext db, ProjectTransitions transitions) : PageModel
{
    public sealed record Proposal(int Id, string Code, string Name, ProjectStatus Status, long BudgetFen);
    public sealed record Ranked(int ProjectId, string Code, string Name, decimal Average, int Sheets);

    public CouncilSession Session { get; private set; } = null!;
    public IReadOnlyList<Proposal> Proposals { get; private set; } = [];
    public IReadOnlyList<CouncilScoreSheet> Sheets { get; private set; } = [];
    public IReadOnlyList<Ranked> Ranking { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttendanceAsync(int id, List<int> present)
    {
        var members = await db.CouncilMembers.Where(m => m.SessionId == id).ToListAsync();
        if (members.Count == 0) return NotFound();
        foreach (var m in members) m.Present = present.Contains(m.Id);
        await db.SaveChangesAsync();
        TempData["Message"] = $"已登记出席 {members.Count(m => m.Present)} 人";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostScoreAsync(int id, int memberId, int projectId, Dictionary<int, int?> points, string? comment)
    {
        if (!await LoadAsync(id)) return NotFound();
        var member = Session.Members.FirstOrDefault(m => m.Id == memberId);
        var proposal = Proposals.FirstOrDefault(p => p.Id == projectId);
        var criteria = Session.Rubric!.Criteria;
        if (Session.ValidityProblem() is { } problem) Error = "本次会议不能评分：" + problem;
        else if (member is null) Error = "请选择评分的议事会成员";
        else if (!member.Present) Error = $"{member.Name}未出席，不能评分";
        else if (proposal is null) Error = "请选择本社区本年度待评议的项目";
        else if (criteria.Any(c => points.GetValueOrDefault(c.Id) is null)) Error = "请为每一项标准打分";
        else if (criteria.Any(c => points[c.Id] is < 0 or > Screening.RubricCriterion.MaxPoints)) Error = "每项得分应在 0 到 10 之间";
        else if (comment?.Length > 500) Error = "意见不超过500字";
        if (Error is not null) return Page();

        var sheet = await db.CouncilScoreSheets.Include(s => s.Items)
            .FirstOrDefaultAsync(s => s.SessionId == id && s.MemberId == memberId && s.ProjectId == projectId);
        if (sheet is null)
        {
            sheet = new CouncilScoreSheet { SessionId = id, RegionId = Session.RegionId, MemberId = memberId, ProjectId = projectId };
            db.CouncilScoreSheets.Add(sheet);
        }
        sheet.Items.Clear();
        foreach (var c in criteria) sheet.Items.Add(new CouncilScoreItem { CriterionId = c.Id, Points = points[c.Id]!.Value });
        sheet.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        sheet.Total = CouncilScoreSheet.Weighted(criteria.Select(c => (c.Weight, points[c.Id]!.Value)));
        await db.SaveChangesAsync();
        if (proposal!.Status == ProjectStatus.Submitted)
            await transitions.MoveAsync(projectId, ProjectStatus.CommunityReview);
        TempData["Message"] = $"已记录{member!.Name}对“{proposal.Name}”的评分：{sheet.Total:0.##} 分";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var session = await db.CouncilSessions.AsNoTracking().Include(s => s.Region).Include(s => s.Members.OrderBy(m => m.Id))
            .Include(s => s.Rubric).ThenInclude(r => r!.Criteria.OrderBy(c => c.Position)).FirstOrDefaultAsync(s => s.Id == id);
        if (session is null) return false;
        Session = session;
        Proposals = await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == session.RegionId && p.Year == session.Year
                && (p.Status == ProjectStatus.Submitted || p.Status == ProjectStatus.CommunityReview))
            .OrderBy(p => p.Code).Select(p => new Proposal(p.Id, p.Code, p.Name, p.Status, p.BudgetLines.Sum(l => l.AmountFen))).ToListAsync();
        Sheets = await db.CouncilScoreSheets.AsNoTracking().Include(s => s.Member).Include(s => s.Project).Include(s => s.Items)
            .Where(s => s.SessionId == id).OrderBy(s => s.ProjectId).ThenBy(s => s.MemberId).ToListAsync();
        Ranking = Sheets.Where(s => s.Member!.Present).GroupBy(s => s.ProjectId)
            .Select(g => new Ranked(g.Key, g.First().Project!.Code, g.First().Project!.Name, Math.Round(g.Average(s => s.Total), 2), g.Count()))
            .OrderByDescending(r => r.Average).ThenBy(r => r.Code).ToList();
        return true;
    }
}
