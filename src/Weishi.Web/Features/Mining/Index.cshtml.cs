using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Mining;

/// <summary>需求分析: start a mining job for a region and period, then read its topics, category shares, duplicates to
/// merge, out-of-scope needs to refer, and turn a topic or a duplicate group into a project proposal.</summary>
public sealed class IndexModel(WeishiDbContext db, JobRunner jobs, DemandMerger merger, MiningView view) : PageModel
{
    public const int MaxSpanDays = 3 * 366;

    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public MiningView.Result? Result { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty(SupportsGet = true)] public int? Run { get; set; }
    [BindProperty(SupportsGet = true)] public int? RegionId { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    /// <summary>The page of each list shown; links and forms keep them with the run (<see cref="RouteValues"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "groupsPage")] public int GroupsPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "referPage")] public int ReferPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "referredPage")] public int ReferredPage { get; set; } = 1;

    /// <summary>The run shown and the page of each list: what page links and the forms' actions carry.</summary>
    public Dictionary<string, string> RouteValues
    {
        get
        {
            var values = new Dictionary<string, string>();
            if (Run is { } run) values["run"] = run.ToString(CultureInfo.InvariantCulture);
            if (GroupsPage > 1) values["groupsPage"] = GroupsPage.ToString(CultureInfo.InvariantCulture);
            if (ReferPage > 1) values["referPage"] = ReferPage.ToString(CultureInfo.InvariantCulture);
            if (ReferredPage > 1) values["referredPage"] = ReferredPage.ToString(CultureInfo.InvariantCulture);
            return values;
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        Regions = await MiningScope.SelectableRegionsAsync(db, ct);
        var region = Regions.FirstOrDefault(r => r.Id == RegionId);
        if (region is null) Errors.Add("请选择您负责的社区、街道或全区");
        var from = ParseDate(From, "开始日期");
        var to = ParseDate(To, "结束日期");
        if (from is { } f && to is { } t)
        {
            if (f > t) Errors.Add("开始日期不能晚于结束日期");
            else if (t.DayNumber - f.DayNumber > MaxSpanDays) Errors.Add("分析期间最长三年");
        }
        if (Errors.Count > 0)
        {
            Run = null;
            await LoadAsync(ct);
            return Page();
        }
        var scope = db.Scope;
        var id = await jobs.EnqueueAsync(db, MiningJob.Create(new MiningJob.Parameters(region!.Id, region.ShortName, from!.Value, to!.Value, scope.UserId, scope.UserName)), ct);
        return Redirect($"/Jobs/Detail/{id}");
    }

    /// <param name="group">The suggested group's number in <see cref="Run"/> (the page always sends it).</param>
    public async Task<IActionResult> OnPostMergeAsync(int survivor, int[] merge, int? group, CancellationToken ct)
    {
        var suggested = Run is { } run && group is { } number ? new SuggestedGroup(run, number) : null;
        var refusal = await merger.MergeAsync(survivor, merge, suggested, ct);
        return await AfterActionAsync(refusal, "已合并重复需求，原始需求均保留并计为保留需求的支持", ct);
    }

    public async Task<IActionResult> OnPostNotDuplicateAsync(int group, CancellationToken ct)
    {
        var refusal = Run is { } run ? await merger.MarkNotDuplicateAsync(new SuggestedGroup(run, group), ct) : "请从需求分析结果中操作";
        return await AfterActionAsync(refusal, "已标记为不是重复，这一组不再列入待合并；重新训练重复识别模型时会用到", ct);
    }

    public async Task<IActionResult> OnPostReferAsync(int demand, string? department, string? note, CancellationToken ct)
    {
        string? refusal = null;
        department = department?.Trim();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var d = await db.Demands.FirstOrDefaultAsync(x => x.Id == demand, ct);
        if (d is null || !db.Scope.CanWrite(d.RegionId)) refusal = "需求不存在或不在您的管辖范围内";
        else if (string.IsNullOrEmpty(department) || department.Length > DemandReferral.MaxDepartment) refusal = "请填写承办部门（不超过100字）";
        else if (note is { Length: > 500 }) refusal = "转办说明不能超过 500 字";
        else if (!DemandRules.OpenStatuses.Contains(d.Status)) refusal = $"该需求已是“{Demand.StatusName(d.Status)}”，不能转办";
        if (refusal is null)
        {
            db.DemandReferrals.Add(DemandReferral.Refer(d!, department!, note, db.Scope.UserId, db.Scope.UserName, db.Time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        return await AfterActionAsync(refusal, $"已转交{department}办理，并记录转办", ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(int demand, string? category, CancellationToken ct)
    {
        string? refusal = null;
        var d = await db.Demands.FirstOrDefaultAsync(x => x.Id == demand, ct);
        if (d is null || !db.Scope.CanWrite(d.RegionId)) refusal = "需求不存在或不在您的管辖范围内";
        else if (category is null || !Categories.All.Contains(category)) refusal = "请选择正确的类别";
        if (refusal is null)
        {
            var suggested = await db.MiningItems.Where(i => i.DemandId == demand).OrderByDescending(i => i.RunId)
                .Select(i => i.Category).FirstOrDefaultAsync(ct) ?? "";
            db.CategoryCorrections.Add(new CategoryCorrection
            {
                DemandId = d!.Id, RegionId = d.RegionId, Text = d.Text, SuggestedCategory = suggested, Category = category!,
                CorrectedByUserId = db.Scope.UserId, CorrectedByName = db.Scope.UserName, CorrectedAtUtc = db.Time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }
        return await AfterActionAsync(refusal, $"已将类别更正为“{Categories.ChineseName(category ?? "")}”，重新训练模型时会用到", ct);
    }

    /// <summary>What the shared pager needs for one of the page's lists: its page parameter, the run and the other
    /// lists' pages to keep, and the list's heading to jump back to.</summary>
    public ViewDataDictionary PagerData(string parameter, string anchor) =>
        new(ViewData) { ["PageParameter"] = parameter, ["PageQuery"] = RouteValues, ["PageAnchor"] = anchor };

    /// <summary>Proposal form prefilled from a topic or duplicate group: name, content from the representative texts,
    /// category, region. The link names the run and the topic or group; the proposal form links all of its open needs.</summary>
    public string ProposalLink(string title, MiningView.OpenNeeds open, string? category, MinedNeeds mined)
    {
        var content = "根据居民需求：" + string.Join("；", open.Texts);
        if (content.Length > 600) content = content[..600];
        var query = new List<string>
        {
            "run=" + mined.RunId.ToString(CultureInfo.InvariantCulture),
            mined.Topic is { } t ? "topic=" + t.ToString(CultureInfo.InvariantCulture) : "group=" + mined.Group!.Value.ToString(CultureInfo.InvariantCulture),
            "name=" + Uri.EscapeDataString($"{title}微实事项目"),
            "content=" + Uri.EscapeDataString(content),
        };
        if (category is not null && Enum.TryParse<ProjectCategory>(category, true, out var pc) && Enum.IsDefined(pc)) query.Add("category=" + pc);
        var regions = open.Regions.Select(n => n.RegionId).Distinct().ToList();
        if (regions.Count == 1) query.Add("region=" + regions[0].ToString(CultureInfo.InvariantCulture));
        else if (open.Regions.Select(n => n.ParentRegionId).Distinct().ToList() is [{ } parent]) query.Add("region=" + parent.ToString(CultureInfo.InvariantCulture));
        return "/Proposals/Create?" + string.Join('&', query);
    }

    private async Task<IActionResult> AfterActionAsync(string? refusal, string success, CancellationToken ct)
    {
        if (refusal is not null)
        {
            Errors.Add(refusal);
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        TempData["Message"] = success;
        var query = string.Join('&', RouteValues.Select(v => v.Key + "=" + v.Value));
        return Redirect(query.Length > 0 ? "/Mining?" + query : "/Mining");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Regions.Count == 0) Regions = await MiningScope.SelectableRegionsAsync(db, ct);
        MiningRun? run;
        if (Run is { } id)
        {
            run = await db.MiningRuns.AsNoTracking().Include(r => r.Region).FirstOrDefaultAsync(r => r.Id == id, ct);
            if (run is null) return false;
        }
        else
        {
            var regionId = Regions.Any(r => r.Id == RegionId) ? RegionId : Regions.FirstOrDefault()?.Id;
            run = await db.MiningRuns.AsNoTracking().Include(r => r.Region).Where(r => r.RegionId == regionId)
                .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            RegionId = regionId;
        }
        if (run is not null)
        {
            RegionId = run.RegionId;
            Run = run.Id;
            Result = await view.LoadAsync(run, new MiningView.Pages(GroupsPage, ReferPage, ReferredPage), ct);
        }
        var today = ChinaDate.Today(db.Time);
        From ??= Display.Date(run?.From ?? today.AddMonths(-6));
        To ??= Display.Date(run?.To ?? today);
        return true;
    }

    private DateOnly? ParseDate(string? value, string name)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Errors.Add($"{name}格式应为 年-月-日（如 2024-01-31）");
        return null;
    }
}
