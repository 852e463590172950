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

/// <summary>
/// The proposal form shared by 项目申报 (<see cref="CreateModel"/>) and 修改草稿 (<see cref="EditModel"/>): its fields,
/// every rule a proposal is checked against, and the lists it offers.
/// </summary>
public abstract class ProposalFormModel(WeishiDbContext db, ProposalChecks checks,
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
        /// <summary>查找需求: narrows the listed needs to those whose text contains it or whose tracking code it is; saves nothing.</summary>
        public string? DemandSearch { get; set; }
        /// <summary>A topic (or duplicate group) of a mining run whose open needs are linked too; see <see cref="Mining.MinedNeeds"/>.</summary>
        public int? MinedRun { get; set; }
        public int? MinedTopic { get; set; }
        public int? MinedGroup { get; set; }
        public List<LineInput> Lines { get; set; } = [];
        public List<TargetInput> Targets { get; set; } = [];
    }

    protected WeishiDbContext Db { get; } = db;

    /// <summary>True on the edit page: year and applicant stay as they are (the project code is made of them).</summary>
    public virtual bool Editing => false;

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Region> Regions { get; protected set; } = [];
    /// <summary>拟承接单位 offered for the chosen category; see <see cref="ContractorOptions"/>.</summary>
    public IReadOnlyList<ContractorOptions.Option> Contractors { get; private set; } = [];
    public IReadOnlyList<(int Id, string Text, string Community)> OpenDemands { get; private set; } = [];
    /// <summary>How many of the applicant's open needs (not ticked) match the search: at most <see cref="DemandsShown"/>
    /// of them, the most recent, are listed.</summary>
    public int DemandsFound { get; private set; }
    public const int DemandsShown = 30;
    public const int MinedShown = 20;
    /// <summary>The topic or group named by the link (on GET) or the form (on POST), parsed once; null when none is named
    /// or the run is not in the user's scope.</summary>
    public Mining.MinedNeeds? Mined { get; protected set; }
    /// <summary>What the mined topic or group links: its title, its open needs in the user's scope, those of the
    /// applicant region (the ones linked on saving) and the first of them.</summary>
    public string? MinedTitle { get; private set; }
    public int MinedInScope { get; private set; }
    public int MinedLinked { get; private set; }
    public IReadOnlyList<(int Id, string Text, string Community)> MinedSample { get; private set; } = [];
    public string? MinedRefusal { get; private set; }
    public List<string> Errors { get; } = [];

    /// <summary>Checks the posted form by every rule of a proposal; on failure <see cref="Errors"/> says why and the
    /// region is null or the lists are incomplete (the caller re-renders).</summary>
    protected async Task<(Region? Region, List<BudgetLine> Lines, List<PerformanceTarget> Targets)> ValidateAsync(CancellationToken ct)
    {
        var lines = ValidateLines();
        var targets = ValidateTargets();
        ValidateFields();
        var region = await Db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Input.RegionId, ct);
        if (region is null || !Db.Scope.CanWrite(region.Id) || region.Level == RegionLevel.District
            || (region.Level == RegionLevel.Subdistrict && !Db.Scope.Has(AppRole.SubdistrictOfficer) && !Db.Scope.Has(AppRole.DistrictAdmin)))
            Errors.Add("请选择您负责的社区（跨社区项目由街道申报）");
        if (Input.ContractorId is { } cid)
        {
            if (!await Db.Contractors.AnyAsync(c => c.Id == cid, ct)) Errors.Add("所选承接单位不存在");
            else if (await eligibility.RefusalAsync(cid, Input.Category, ct) is { } refusal) Errors.Add(refusal);
        }
        Mined = Mining.MinedNeeds.From(Input.MinedRun, Input.MinedTopic, Input.MinedGroup);
        // A form naming a topic or group badly (or one of a run out of scope) is refused, not saved without its needs.
        if ((Input.MinedRun ?? Input.MinedTopic ?? Input.MinedGroup) is not null
            && (Mined is null || !await Db.MiningRuns.AnyAsync(r => r.Id == Mined.RunId, ct)))
            Errors.Add("关联的需求分析结果不存在或不在您的管辖范围内");
        var budget = lines.Sum(l => l.AmountFen);
        if (Errors.Count == 0)
            Errors.AddRange(await checks.RefusalsAsync(Input.Year, Input.Type, Input.Name!, Input.Content, budget, ct));
        return (region, lines, targets);
    }

    /// <summary>Links the chosen open needs (and those of the mined topic or group) to the project; saved by the caller.</summary>
    protected async Task<int> LinkDemandsAsync(Project project, Region region, CancellationToken ct)
    {
        var linkable = Linkable(region.Id);
        var chosen = Input.DemandIds;
        var toLinkQuery = Mined?.DemandIds(Db) is { } minedIds
            ? linkable.Where(d => chosen.Contains(d.Id) || minedIds.Contains(d.Id))
            : linkable.Where(d => chosen.Contains(d.Id));
        var toLink = chosen.Count > 0 || Mined is not null ? await toLinkQuery.ToListAsync(ct) : [];
        foreach (var d in toLink)
        {
            d.Project = project;
            d.Status = DemandStatus.Converted;
        }
        return toLink.Count;
    }

    /// <summary>The needs a proposal of the applicant region may link (offered on the form, linked on saving): open needs
    /// of that region; a cross-community proposal (by the subdistrict) links needs of its communities too. Db.Demands
    /// keeps to the user's scope.</summary>
    private IQueryable<Demand> Linkable(int applicantRegionId) =>
        Db.Demands.OpenAndUnlinked().Where(d => d.RegionId == applicantRegionId || d.Region!.ParentId == applicantRegionId);

    /// <summary>The form filled from a stored proposal (to copy it or to edit it).</summary>
    protected static InputModel InputFrom(Project source, ProposalDetails? details, IEnumerable<PerformanceTarget> targets) => new()
    {
        Year = source.Year, RegionId = source.RegionId, Name = source.Name, Type = source.Type, Category = source.Category,
        Content = source.Content, TargetGroup = details?.TargetGroup, Place = details?.Place, Schedule = details?.Schedule,
        PlannedBeneficiaries = source.PlannedBeneficiaries, PlannedSessions = source.PlannedSessions, ContractorId = source.ContractorId,
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
        // Sessions are planned for services only (the form hides the field otherwise): works and goods store none.
        if (Input.Type != ProjectType.Service) Input.PlannedSessions = 0;
        else if (Input.PlannedSessions is < 0 or > 10_000) Errors.Add("计划服务场次应在 0 到 10000 之间");
    }

    /// <returns>False (with <see cref="MinedRefusal"/> set and the topic or group dropped) when the run is not in the user's scope.</returns>
    private async Task<bool> LoadMinedAsync(Mining.MinedNeeds mined)
    {
        var run = await Db.MiningRuns.AsNoTracking().Where(r => r.Id == mined.RunId).Select(r => new { r.Id, Region = r.Region!.ShortName }).FirstOrDefaultAsync();
        if (run is null)
        {
            MinedRefusal = "关联的需求分析结果不存在或不在您的管辖范围内，未关联其中的需求";
            (Input.MinedRun, Input.MinedTopic, Input.MinedGroup) = (null, null, null);
            Mined = null;
            return false;
        }
        var label = mined.Topic is { } t
            ? "主题“" + await Db.MiningTopics.Where(x => x.RunId == run.Id && x.Number == t).Select(x => x.Label).FirstOrDefaultAsync() + "”"
            : $"疑似重复第 {mined.Group} 组";
        MinedTitle = $"需求分析 {run.Id}（{run.Region}）的{label}";
        var regionId = Input.RegionId;
        var open = mined.Open(Db).AsNoTracking();
        var counts = await open.Select(d => d.RegionId == regionId || d.Region!.ParentId == regionId ? 1 : 0)
            .GroupBy(_ => 1).Select(g => new { InScope = g.Count(), OfRegion = g.Sum() }).FirstOrDefaultAsync();
        (MinedInScope, MinedLinked) = (counts?.InScope ?? 0, counts?.OfRegion ?? 0);
        MinedSample = (await open.Where(d => d.RegionId == regionId || d.Region!.ParentId == regionId)
                .OrderBy(d => d.Id).Take(MinedShown).Select(d => new { d.Id, d.Text, d.Region!.ShortName }).ToListAsync())
            .Select(d => (d.Id, d.Text, d.ShortName)).ToList();
        return true;
    }

    protected async Task LoadAsync()
    {
        var scope = Db.Scope;
        Regions = (await Db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.District).OrderBy(r => r.Code).ToListAsync())
            .Where(r => scope.CanWrite(r.Id) && (r.Level == RegionLevel.Community || scope.Has(AppRole.SubdistrictOfficer))).ToList();
        if (Input.RegionId == 0) Input.RegionId = Regions.FirstOrDefault()?.Id ?? 0;
        Contractors = await ContractorOptions.ForAsync(Db, eligibility, Input.Category, Input.ContractorId, HttpContext.RequestAborted);
        // Only the applicant's needs are offered (not those of every community in the user's scope): the others would
        // not be linked on saving.
        var applicant = Regions.Any(r => r.Id == Input.RegionId) ? Input.RegionId : 0;
        var open = Linkable(applicant).AsNoTracking();
        // The topic's or group's own needs are listed above the other open needs, not among them.
        if (Mined is { } mined && await LoadMinedAsync(mined))
        {
            var minedIds = mined.DemandIds(Db);
            open = open.Where(d => !minedIds.Contains(d.Id));
        }
        // Ticked needs stay listed (and ticked) whatever is searched.
        var linked = Input.DemandIds;
        var others = open.Where(d => !linked.Contains(d.Id));
        if (Input.DemandSearch?.Trim() is { Length: > 0 } q)
        {
            var code = q.ToUpperInvariant();
            others = others.Where(d => d.Text.Contains(q) || d.TrackingCode == code);
        }
        DemandsFound = await others.CountAsync();
        OpenDemands = (await open.Where(d => linked.Contains(d.Id)).Select(d => new { d.Id, d.Text, d.Region!.ShortName }).ToListAsync())
            .Concat(await others.OrderByDescending(d => d.SubmittedAtUtc).ThenByDescending(d => d.Id).Take(DemandsShown)
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
