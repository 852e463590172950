using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.Proposals;

/// <summary>项目申报: a community (or, across communities, a subdistrict) drafts a proposal with budget lines and targets.</summary>
public sealed class CreateModel(WeishiDbContext db, ProposalChecks checks, ProjectTransitions transitions,
    Contractors.Admission.ContractorEligibility eligibility) : PageModel
{
    public const int LineRows = 6;

    public sealed class LineInput
    {
        public string? Item { get; set; }
        public string? Unit { get; set; }
        public string? Quantity { get; set; }
        public string? UnitPrice { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Item) && string.IsNullOrWhiteSpace(Unit)
            && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(UnitPrice);
    }

    public sealed class TargetInput
    {
        public TargetDimension Dimension { get; set; }
        public string? Indicator { get; set; }
        public string? Value { get; set; }
        public string? Unit { get; set; }
    }

    public sealed class InputModel
    {
        public int Year { get; set; }
        public int RegionId { get; set; }
        public string? Name { get; set; }
        public ProjectType Type { get; set; } = ProjectType.Service;
        public ProjectCategory Category { get; set; } = ProjectCategory.Elderly;
        public string? Content { get; set; }
        public string? TargetGroup { get; set; }
        public string? Place { get; set; }
        public string? Schedule { get; set; }
        public int PlannedBeneficiaries { get; set; }
        public int PlannedSessions { get; set; }
        public int? ContractorId { get; set; }
        public int? CopiedFrom { get; set; }
        public List<int> DemandIds { get; set; } = [];
        /// <summary>A topic (or duplicate group) of a mining run whose open needs are linked too; see <see cref="Mining.MinedNeeds"/>.</summary>
        public int? MinedRun { get; set; }
        public int? MinedTopic { get; set; }
        public int? MinedGroup { get; set; }
        public List<LineInput> Lines { get; set; } = [];
        public List<TargetInput> Targets { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Contractors { get; private set; } = [];
    public IReadOnlyList<(int Id, string Text, string Community)> OpenDemands { get; private set; } = [];
    public const int MinedShown = 20;
    /// <summary>The topic or group named by the link (on GET) or the form (on POST), parsed once; null when none is named
    /// or the run is not in the user's scope.</summary>
    public Mining.MinedNeeds? Mined { get; private set; }
    /// <summary>What the mined topic or group links: its title, its open needs in the user's scope, those of the
    /// applicant region (the ones linked on saving) and the first of them.</summary>
    public string? MinedTitle { get; private set; }
    public int MinedInScope { get; private set; }
    public int MinedLinked { get; private set; }
    public IReadOnlyList<(int Id, string Text, string Community)> MinedSample { get; private set; } = [];
    public string? MinedRefusal { get; private set; }
    public List<string> Errors { get; } = [];

    /// <param name="demand">Needs to link, with <paramref name="name"/>, <paramref name="content"/>, <paramref name="category"/> and
    /// <paramref name="region"/> prefilled.</param>
    /// <param name="run">With <paramref name="topic"/> or <paramref name="group"/>: how 需求分析 turns a topic or a duplicate
    /// group into a proposal; all its open needs are linked, resolved on the server (see <see cref="Mining.MinedNeeds"/>).</param>
    public async Task<IActionResult> OnGetAsync(ProjectType? type, int? copyFrom, int? year,
        int[]? demand = null, string? name = null, string? content = null, ProjectCategory? category = null, int? region = null,
        int? run = null, int? topic = null, int? group = null)
    {
        Input.Year = year ?? db.Time.GetUtcNow().Year + 1;
        Input.Type = type ?? ProjectType.Service;
        if (copyFrom is { } sourceId && !await CopyAsync(sourceId)) return NotFound();
        Mined = Mining.MinedNeeds.From(run, topic, group);
        if (Mined is not null)
            (Input.MinedRun, Input.MinedTopic, Input.MinedGroup) = (Mined.RunId, Mined.Topic, Mined.Group);
        if (demand is { Length: > 0 } || Mined is not null)
        {
            Input.DemandIds = [.. (demand ?? []).Distinct().Take(100)];
            Input.Name = name?.Trim() is { Length: > 0 and <= 120 } n ? n : Input.Name;
            Input.Content = content?.Trim() is { Length: > 0 and <= 2000 } c ? c : Input.Content;
            if (category is { } cat && Enum.IsDefined(cat)) Input.Category = cat;
            if (region is { } r) Input.RegionId = r;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? submitAs)
    {
        var ct = HttpContext.RequestAborted;
        var lines = ValidateLines();
        var targets = ValidateTargets();
        ValidateFields();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Input.RegionId, ct);
        if (region is null || !db.Scope.CanWrite(region.Id) || region.Level == RegionLevel.District
            || (region.Level == RegionLevel.Subdistrict && !db.Scope.Has(AppRole.SubdistrictOfficer) && !db.Scope.Has(AppRole.DistrictAdmin)))
            Errors.Add("请选择您负责的社区（跨社区项目由街道申报）");
        if (Input.ContractorId is { } cid)
        {
            if (!await db.Contractors.AnyAsync(c => c.Id == cid, ct)) Errors.Add("所选承接单位不存在");
            else if (await eligibility.RefusalAsync(cid, Input.Category, ct) is { } refusal) Errors.Add(refusal);
        }
        Mined = Mining.MinedNeeds.From(Input.MinedRun, Input.MinedTopic, Input.MinedGroup);
        // A form naming a topic or group badly (or one of a run out of scope) is refused, not saved without its needs.
        if ((Input.MinedRun ?? Input.MinedTopic ?? Input.MinedGroup) is not null
            && (Mined is null || !await db.MiningRuns.AnyAsync(r => r.Id == Mined.RunId, ct)))
            Errors.Add("关联的需求分析结果不存在或不在您的管辖范围内");
        var budget = lines.Sum(l => l.AmountFen);
        if (Errors.Count == 0)
            Errors.AddRange(await checks.RefusalsAsync(Input.Year, Input.Type, Input.Name!, Input.Content, budget, ct));
        if (Errors.Count > 0)
        {
            await LoadAsync();
            return Page();
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            Code = await NextCodeAsync(region!, ct),
            Year = Input.Year,
            Name = Input.Name!.Trim(),
            Type = Input.Type,
            Category = Input.Category,
            Content = Input.Content!.Trim(),
            RegionId = region!.Id,
            PlannedBeneficiaries = Input.PlannedBeneficiaries,
            PlannedSessions = Input.PlannedSessions,
            IsOneOff = Input.Type == ProjectType.Service && Input.PlannedSessions <= 1,
            ContractorId = Input.ContractorId,
            Status = ProjectStatus.Draft,
            CreatedAtUtc = now,
            StatusChangedAtUtc = now,
            BudgetLines = lines,
        };
        db.Projects.Add(project);
        db.ProposalDetails.Add(new ProposalDetails
        {
            Project = project, TargetGroup = Input.TargetGroup!.Trim(), Place = Input.Place!.Trim(), Schedule = Input.Schedule!.Trim(),
            CopiedFromProjectId = Input.CopiedFrom,
        });
        foreach (var t in targets) { t.Project = project; db.PerformanceTargets.Add(t); }
        // Only open needs of the applicant region are linked; a cross-community proposal (by the subdistrict) links
        // needs of its communities too. db.Demands keeps to the user's scope.
        var linkable = db.Demands.OpenAndUnlinked().Where(d => d.RegionId == region.Id || d.Region!.ParentId == region.Id);
        var chosen = Input.DemandIds;
        var toLinkQuery = Mined?.DemandIds(db) is { } minedIds
            ? linkable.Where(d => chosen.Contains(d.Id) || minedIds.Contains(d.Id))
            : linkable.Where(d => chosen.Contains(d.Id));
        var toLink = chosen.Count > 0 || Mined is not null ? await toLinkQuery.ToListAsync(ct) : [];
        foreach (var d in toLink)
        {
            d.Project = project;
            d.Status = Demands.DemandStatus.Converted;
        }
        await db.SaveChangesAsync(ct);
        var message = $"已保存项目草稿 {project.Code}" + (toLink.Count > 0 ? $"，关联居民需求 {toLink.Count} 条" : "");
        if (submitAs == "submit")
        {
            var refusal = await transitions.MoveAsync(project.Id, ProjectStatus.Submitted, ct);
            message = refusal is null ? $"项目 {project.Code} 已申报" : message + "；申报未成功：" + refusal;
        }
        TempData["Message"] = message;
        return RedirectToPage("/Projects/Detail", new { id = project.Id });
    }

    private List<BudgetLine> ValidateLines()
    {
        var result = new List<BudgetLine>();
        var row = 0;
        foreach (var l in Input.Lines)
        {
            row++;
            if (l.IsBlank) continue;
            var where = $"预算明细第 {row} 行：";
            if (string.IsNullOrWhiteSpace(l.Item) || l.Item.Trim().Length > 120) { Errors.Add(where + "请填写支出项目（不超过120字）"); continue; }
            if (string.IsNullOrWhiteSpace(l.Unit) || l.Unit.Trim().Length > 20) { Errors.Add(where + "请填写计量单位（不超过20字）"); continue; }
            if (!decimal.TryParse(l.Quantity?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var qty))
            { Errors.Add(where + "数量应为数字"); continue; }
            if (qty <= 0) { Errors.Add(where + "数量必须大于 0"); continue; }
            if (qty > 1_000_000 || decimal.Round(qty, 2) != qty) { Errors.Add(where + "数量不合理（最多 100 万，最多两位小数）"); continue; }
            var (price, priceError) = Money.ParseYuan(l.UnitPrice);
            if (priceError is not null) { Errors.Add(where + "单价" + priceError); continue; }
            if (price <= 0) { Errors.Add(where + "单价必须大于 0"); continue; }
            if (price > 1_000_0000_00) { Errors.Add(where + "单价不合理（超过 1000 万元）"); continue; }
            var line = new BudgetLine { Item = l.Item.Trim(), Unit = l.Unit.Trim(), Quantity = qty, UnitPriceFen = price!.Value };
            line.Price();
            result.Add(line);
        }
        if (result.Count == 0 && Errors.Count == 0) Errors.Add("请至少填写一行预算明细");
        return result;
    }

    private List<PerformanceTarget> ValidateTargets()
    {
        var result = new List<PerformanceTarget>();
        foreach (var t in Input.Targets)
        {
            // Rows left without a target value are template indicators the proposal does not use.
            if (string.IsNullOrWhiteSpace(t.Value)) continue;
            var where = $"绩效目标“{t.Indicator?.Trim()}”：";
            if (!Enum.IsDefined(t.Dimension)) { Errors.Add(where + "指标类别不正确"); continue; }
            if (string.IsNullOrWhiteSpace(t.Indicator) || t.Indicator.Trim().Length > 60) { Errors.Add("绩效目标：请填写指标名称（不超过60字）"); continue; }
            if (!decimal.TryParse(t.Value?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 100_000_000)
            { Errors.Add(where + "目标值应为不小于 0 的数字"); continue; }
            if (string.IsNullOrWhiteSpace(t.Unit) || t.Unit.Trim().Length > 20) { Errors.Add(where + "请填写计量单位"); continue; }
            result.Add(new PerformanceTarget { Dimension = t.Dimension, Indicator = t.Indicator.Trim(), TargetValue = value, Unit = t.Unit.Trim() });
        }
        if (result.Count == 0) Errors.Add("请至少填写一项绩效目标（含目标值和单位）");
        return result;
    }

    private void ValidateFields()
    {
        if (string.IsNullOrWhiteSpace(Input.Name) || Input.Name.Trim().Length > 120) Errors.Add("请填写项目名称（不超过120字）");
        if (string.IsNullOrWhiteSpace(Input.Content) || Input.Content.Length > 2000) Errors.Add("请填写项目内容（不超过2000字）");
        if (string.IsNullOrWhiteSpace(Input.TargetGroup) || Input.TargetGroup.Length > 100) Errors.Add("请填写服务对象（不超过100字）");
        if (string.IsNullOrWhiteSpace(Input.Place) || Input.Place.Length > 100) Errors.Add("请填写实施地点（不超过100字）");
        if (string.IsNullOrWhiteSpace(Input.Schedule) || Input.Schedule.Length > 100) Errors.Add("请填写实施时间安排（不超过100字）");
        if (!Enum.IsDefined(Input.Type)) Errors.Add("请选择项目类型");
        if (!Enum.IsDefined(Input.Category)) Errors.Add("请选择项目类别");
        if (Input.Year < 2000 || Input.Year > 2100) Errors.Add("年度不正确");
        if (Input.PlannedBeneficiaries is < 0 or > 1_000_000) Errors.Add("计划受益人数应在 0 到 100 万之间");
        if (Input.PlannedSessions is < 0 or > 10_000) Errors.Add("计划服务场次应在 0 到 10000 之间");
    }

    private async Task<string> NextCodeAsync(Region region, CancellationToken ct)
    {
        // Same shape as the demo's codes (2023-PS-LL-017); cross-community projects carry an X after the subdistrict.
        var prefix = region.Level == RegionLevel.Subdistrict ? $"{Input.Year}-PS-{region.Abbr}X-" : $"{Input.Year}-PS-{region.Abbr}-";
        var taken = await db.Projects.IgnoreQueryFilters().Where(p => p.Code.StartsWith(prefix)).Select(p => p.Code).ToListAsync(ct);
        var n = taken.Count + 1;
        while (taken.Contains($"{prefix}{n:000}")) n++;
        return $"{prefix}{n:000}";
    }

    private async Task<bool> CopyAsync(int sourceId)
    {
        var source = await db.Projects.AsNoTracking().Include(p => p.BudgetLines).FirstOrDefaultAsync(p => p.Id == sourceId);
        if (source is null) return false;
        var details = await db.ProposalDetails.AsNoTracking().FirstOrDefaultAsync(d => d.ProjectId == sourceId);
        var targets = await db.PerformanceTargets.AsNoTracking().Where(t => t.ProjectId == sourceId).OrderBy(t => t.Id).ToListAsync();
        Input = new InputModel
        {
            Year = source.Year + 1, RegionId = source.RegionId, Name = source.Name, Type = source.Type, Category = source.Category,
            Content = source.Content, TargetGroup = details?.TargetGroup, Place = details?.Place, Schedule = details?.Schedule,
            PlannedBeneficiaries = source.PlannedBeneficiaries, PlannedSessions = source.PlannedSessions, ContractorId = source.ContractorId,
            CopiedFrom = source.Id,
            Lines = source.BudgetLines.OrderBy(l => l.Id).Select(l => new LineInput
            {
                Item = l.Item, Unit = l.Unit, Quantity = l.Quantity.ToString("0.##", CultureInfo.InvariantCulture),
                UnitPrice = (l.UnitPriceFen / 100m).ToString("0.##", CultureInfo.InvariantCulture),
            }).ToList(),
            Targets = targets.Select(t => new TargetInput
            {
                Dimension = t.Dimension, Indicator = t.Indicator, Value = t.TargetValue.ToString("0.##", CultureInfo.InvariantCulture), Unit = t.Unit,
            }).ToList(),
        };
        return true;
    }

    /// <returns>False (with <see cref="MinedRefusal"/> set and the topic or group dropped) when the run is not in the user's scope.</returns>
    private async Task<bool> LoadMinedAsync(Mining.MinedNeeds mined)
    {
        var run = await db.MiningRuns.AsNoTracking().Where(r => r.Id == mined.RunId).Select(r => new { r.Id, Region = r.Region!.ShortName }).FirstOrDefaultAsync();
        if (run is null)
        {
            MinedRefusal = "关联的需求分析结果不存在或不在您的管辖范围内，未关联其中的需求";
            (Input.MinedRun, Input.MinedTopic, Input.MinedGroup) = (null, null, null);
            Mined = null;
            return false;
        }
        var label = mined.Topic is { } t
            ? "主题“" + await db.MiningTopics.Where(x => x.RunId == run.Id && x.Number == t).Select(x => x.Label).FirstOrDefaultAsync() + "”"
            : $"疑似重复第 {mined.Group} 组";
        MinedTitle = $"需求分析 {run.Id}（{run.Region}）的{label}";
        var regionId = Input.RegionId;
        var open = mined.Open(db).AsNoTracking();
        var counts = await open.Select(d => d.RegionId == regionId || d.Region!.ParentId == regionId ? 1 : 0)
            .GroupBy(_ => 1).Select(g => new { InScope = g.Count(), OfRegion = g.Sum() }).FirstOrDefaultAsync();
        (MinedInScope, MinedLinked) = (counts?.InScope ?? 0, counts?.OfRegion ?? 0);
        MinedSample = (await open.Where(d => d.RegionId == regionId || d.Region!.ParentId == regionId)
                .OrderBy(d => d.Id).Take(MinedShown).Select(d => new { d.Id, d.Text, d.Region!.ShortName }).ToListAsync())
            .Select(d => (d.Id, d.Text, d.ShortName)).ToList();
        return true;
    }

    private async Task LoadAsync()
    {
        var scope = db.Scope;
        Regions = (await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.District).OrderBy(r => r.Code).ToListAsync())
            .Where(r => scope.CanWrite(r.Id) && (r.Level == RegionLevel.Community || scope.Has(AppRole.SubdistrictOfficer))).ToList();
        if (Input.RegionId == 0) Input.RegionId = Regions.FirstOrDefault()?.Id ?? 0;
        // Suspended contractors are left out: choosing one is refused on saving (ContractorEligibility) anyway.
        var suspended = await eligibility.SuspendedAsync(HttpContext.RequestAborted);
        Contractors = (await db.Contractors.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync())
            .Where(c => !suspended.Contains(c.Id)).Select(c => (c.Id, c.Name)).ToList();
        var regionIds = Regions.Select(r => r.Id).ToList();
        var open = db.Demands.AsNoTracking().OpenAndUnlinked().Where(d => regionIds.Contains(d.RegionId));
        // The topic's or group's own needs are listed above the other open needs, not among them.
        if (Mined is { } mined && await LoadMinedAsync(mined))
        {
            var minedIds = mined.DemandIds(db);
            open = open.Where(d => !minedIds.Contains(d.Id));
        }
        var linked = Input.DemandIds;
        OpenDemands = (await open.Where(d => linked.Contains(d.Id)).Select(d => new { d.Id, d.Text, d.Region!.ShortName }).ToListAsync())
            .Concat(await open.Where(d => !linked.Contains(d.Id)).OrderByDescending(d => d.SubmittedAtUtc).Take(30)
                .Select(d => new { d.Id, d.Text, d.Region!.ShortName }).ToListAsync())
            .Select(d => (d.Id, d.Text, d.ShortName)).ToList();
        while (Input.Lines.Count < LineRows) Input.Lines.Add(new LineInput());
        if (Input.Targets.Count == 0)
            Input.Targets = IndicatorTemplates.For(Input.Type).Select(t => new TargetInput
            {
                Dimension = t.Dimension, Indicator = t.Indicator, Unit = t.Unit,
            }).ToList();
    }
}
