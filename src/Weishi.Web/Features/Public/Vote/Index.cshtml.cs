using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Voting;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Web.Features.Public.Vote;

/// <summary>Residents vote with a phone code; results are shown only after the ballot closes.</summary>
[EnableRateLimiting(PhoneCodeRateLimit.Policy)]
public sealed class IndexModel(WeishiDbContext db, VotingService voting) : PageModel
{
    /// <param name="HasPublicPage">The project is shown on the public portal (/Public/Projects), so the option links to it.</param>
    /// <param name="Needs">How many residents' needs the proposal answers (the count only; the needs are not public).</param>
    public sealed record Option(int ProjectId, string Name, ProjectCategory Category, long CostFen, int Needs, int Votes, bool HasPublicPage);

    public Ballot Ballot { get; private set; } = null!;
    public string Community { get; private set; } = "";
    public IReadOnlyList<Option> Options { get; private set; } = [];
    public int TotalVotes { get; private set; }
    /// <summary>Once closed: the selection staff confirmed since (which options are 入选), or null while it is 待确认.</summary>
    public ConfirmedSelection? Confirmed { get; private set; }
    public bool IsOpen => Ballot.IsOpen(db.Time.GetUtcNow().UtcDateTime);
    public bool IsClosed => Ballot.IsClosed(db.Time.GetUtcNow().UtcDateTime);
    // What the resident chose and typed is shown again whatever the answer (code sent, or vote refused).
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public List<int> Choices { get; set; } = [];
    /// <summary>"验证码已发送至 138****1234，10 分钟内有效" after a code was sent.</summary>
    public string? CodeSentNotice { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCodeAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Error = await voting.SendCodeAsync(id, Phone);
        if (Error is null)
            CodeSentNotice = $"验证码已发送至 {PersonalData.MaskPhone(Phone!)}，{PhoneCodes.Lifetime.TotalMinutes:0} 分钟内有效";
        return Page();
    }

    public async Task<IActionResult> OnPostVoteAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Error = await voting.CastAsync(id, Phone, Code, Choices);
        if (Error is not null) return Page();
        TempData["Message"] = "投票成功，感谢参与！结果将在投票结束后公布";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        // Visitors have no scope: the ballot, its options and counts are public by design.
        var ballot = await db.Ballots.IgnoreQueryFilters().AsNoTracking().Include(b => b.Region).Include(b => b.Options)
            .FirstOrDefaultAsync(b => b.Id == id);
        if (ballot is null) return false;
        Ballot = ballot;
        Community = ballot.Region!.ShortName;
        var ids = ballot.Options.Select(o => o.ProjectId).ToList();
        var closed = IsClosed;
        var counts = closed
            ? await db.VoteChoices.IgnoreQueryFilters().Join(db.Votes.IgnoreQueryFilters().Where(v => v.BallotId == id), c => c.VoteId, v => v.Id, (c, v) => c.ProjectId)
                .GroupBy(p => p).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N)
            : [];
        TotalVotes = closed ? await db.Votes.IgnoreQueryFilters().CountAsync(v => v.BallotId == id) : 0;
        Confirmed = closed ? await BallotResults.ConfirmedAsync(db, ballot) : null;
        var onPortal = await PublicProjects.Visible(db).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync();
        // What each option shows before "查看项目详情" is part of what the ballot makes public (BallotOptionProjects).
        Options = (await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new
                {
                    p.Id, p.Name, p.Category, Cost = p.BudgetLines.Sum(l => l.AmountFen),
                    Needs = db.Demands.IgnoreQueryFilters().Count(d => d.ProjectId == p.Id),
                }).ToListAsync())
            .Select(p => new Option(p.Id, p.Name, p.Category, p.Cost, p.Needs, counts.GetValueOrDefault(p.Id), onPortal.Contains(p.Id)))
            .OrderByDescending(o => o.Votes).ThenBy(o => o.ProjectId).ToList();
        return true;
    }
}
