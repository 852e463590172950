using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation.Trees;

/// <summary>Edits a tree and saves it as the next version of its kind; nothing is saved while any rule is broken.</summary>
public sealed class EditModel(WeishiDbContext db) : PageModel
{
    public sealed class NodeRow
    {
        public string? Code { get; set; }
        public string? ParentCode { get; set; }
        public string? Name { get; set; }
        public decimal Weight { get; set; }
        public ScoringMethod Method { get; set; }
        public string? MetricCode { get; set; }
        public bool DataBanded { get; set; }
        public decimal? Target { get; set; }
        public string? Bands { get; set; }
        public string? Rule { get; set; }
    }

    public const int BlankRows = 3;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<NodeRow> Rows { get; set; } = [];
    public IndicatorTree Tree { get; private set; } = null!;
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Name = Tree.Name;
        Rows = Tree.Nodes.OrderBy(n => n.Position).Select(n => new NodeRow
        {
            Code = n.Code, ParentCode = n.ParentCode, Name = n.Name, Weight = n.Weight, Method = n.Method, MetricCode = n.MetricCode,
            DataBanded = n.DataBanded, Target = n.Target, Bands = n.Bands, Rule = n.Method == ScoringMethod.Expert ? n.Rule : null,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var nodes = Rows.Where(r => !string.IsNullOrWhiteSpace(r.Code) || !string.IsNullOrWhiteSpace(r.Name))
            .Select((r, i) => new IndicatorNode
            {
                Code = r.Code?.Trim() ?? "", ParentCode = string.IsNullOrWhiteSpace(r.ParentCode) ? null : r.ParentCode.Trim(),
                Name = r.Name?.Trim() ?? "", Weight = r.Weight, Method = Enum.IsDefined(r.Method) ? r.Method : ScoringMethod.Group,
                MetricCode = r.Method == ScoringMethod.Data ? r.MetricCode : null, DataBanded = r.DataBanded,
                Target = r.Target, Bands = r.Bands?.Trim(), Rule = r.Method == ScoringMethod.Expert ? r.Rule?.Trim() : null, Position = i + 1,
            }).ToList();
        if (string.IsNullOrWhiteSpace(Name)) Errors.Add("请填写指标体系名称");
        Errors.AddRange(TreeRules.Validate(nodes));
        foreach (var n in nodes.Where(n => n.Method == ScoringMethod.Expert && string.IsNullOrWhiteSpace(n.Rule)))
            Errors.Add($"专家评分指标 {n.Code}（{n.Name}）须写明评分规则");
        if (nodes.Any(n => n.Code.Length > 20 || n.Name.Length > 100 || (n.Rule?.Length ?? 0) > 1000 || (n.Bands?.Length ?? 0) > 200))
            Errors.Add("编号不超过 20 字、名称不超过 100 字、规则不超过 1000 字、区间不超过 200 字");
        if (Errors.Count > 0)
        {
            Response.StatusCode = 400;
            return Page();
        }
        var version = await db.Set<IndicatorTree>().Where(t => t.Kind == Tree.Kind).MaxAsync(t => t.Version, ct) + 1;
        var tree = new IndicatorTree
        {
            Name = Name!.Trim(), Kind = Tree.Kind, Version = version, CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime, CreatedBy = db.Scope.UserName,
        };
        foreach (var n in nodes)
        {
            if (n.Method is not ScoringMethod.Expert and not ScoringMethod.Group) n.Rule = DefaultTrees.RuleText(n);
            tree.Nodes.Add(n);
        }
        db.Add(tree);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已保存为第 {version} 版";
        return Redirect($"/Evaluation/Trees/Detail/{tree.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var tree = await db.Set<IndicatorTree>().AsNoTracking().Include(t => t.Nodes).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tree is null) return false;
        Tree = tree;
        return true;
    }
}
