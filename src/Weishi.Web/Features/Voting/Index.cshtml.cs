using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Selection;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Voting;

/// <summary>Resident voting (optional per community and year): staff open a ballot on the proposals under review.</summary>
public sealed class IndexModel(WeishiDbContext db, BudgetLedger ledger) : PageModel
{
    public sealed record Row(int Id, string Community, int Year, string Title, BallotKind Kind, SelectionRule Rule, DateTime Opens, DateTime Closes, int Votes);

    public IReadOnlyList<Row> Ballots { get; private set; } = [];
    public IReadOnlyList<Region> Communities { get; private set; } = [];
    public string? Error { get; private set; }
    public DateTime NowUtc => db.Time.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(int regionId, int year, string? title, BallotKind kind, int maxChoices, SelectionRule rule, int days)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId && r.Level == RegionLevel.Community);
        var options = await db.Projects.Where(p => p.RegionId == regionId && p.Year == year && p.Status == ProjectStatus.CommunityReview)
            .Select(p => p.Id).ToListAsync();
        if (region is null || !db.Scope.CanWrite(regionId)) Error = "请选择您负责的社区";
        else if (string.IsNullOrWhiteSpace(title) || title.Length > 120) Error = "请填写投票名称（不超过120字）";
        else if (!Enum.IsDefined(kind) || !Enum.IsDefined(rule)) Error = "请选择投票方式和确定规则";
        else if (days is < 1 or > 60) Error = "投票天数应在 1 到 60 之间";
        else if (options.Count < 2) Error = "该社区本年度处于“社区评议”的项目不足 2 个，无需投票";
        else if (kind == BallotKind.Approval && (maxChoices < 1 || maxChoices > options.Count)) Error = $"每人可选项目数应在 1 到 {options.Count} 之间";
        if (Error is not null) { await LoadAsync(); return Page(); }

        var now = db.Time.GetUtcNow().UtcDateTime;
        var budget = (await ledger.ForYearAsync(year)).GetValueOrDefault(regionId)?.AvailableFen ?? 0;
        var ballot = new Ballot
        {
            RegionId = regionId, Year = year, Title = title!.Trim(), Kind = kind, MaxChoices = kind == BallotKind.Approval ? maxChoices : options.Count,
            BudgetFen = budget, Rule = rule, OpensAtUtc = now, ClosesAtUtc = now.AddDays(days),
        };
        ballot.Options.AddRange(options.Select(id => new BallotOption { ProjectId = id }));
        db.Ballots.Add(ballot);
        await db.SaveChangesAsync();
        TempData["Message"] = $"投票已开放，居民投票地址：/Public/Vote/{ballot.Id}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        var ballot = await db.Ballots.FirstOrDefaultAsync(b => b.Id == id);
        if (ballot is null) return NotFound();
        var now = db.Time.GetUtcNow().UtcDateTime;
        if (ballot.ClosesAtUtc > now) ballot.ClosesAtUtc = now;
        await db.SaveChangesAsync();
        TempData["Message"] = "投票已结束，结果已公开";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var scope = db.Scope;
        Communities = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).ToListAsync())
            .Where(r => scope.CanWrite(r.Id)).ToList();
        Ballots = await db.Ballots.AsNoTracking().OrderByDescending(b => b.Id).Take(100)
            .Select(b => new Row(b.Id, b.Region!.ShortName, b.Year, b.Title, b.Kind, b.Rule, b.OpensAtUtc, b.ClosesAtUtc,
                db.Votes.Count(v => v.BallotId == b.Id))).ToListAsync();
    }
}
