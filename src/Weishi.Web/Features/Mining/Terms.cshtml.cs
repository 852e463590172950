using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Text;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// 分词词库 (district and system administrators): the words the district adds to the segmenter's user dictionary, so
/// that later mining runs keep local names whole; with a trial that shows a sentence cut with the shipped dictionary
/// and with the district's terms. A word can also be put under one of the duplicate detector's concepts (归入概念), so
/// that needs using the district's word and the table's words for it are compared as one thing.
/// </summary>
public sealed class TermsModel(WeishiDbContext db, MiningModelStore models) : PageModel
{
    /// <summary>At most this many words in one submission.</summary>
    public const int MaxBatch = 200;

    public IReadOnlyList<SegmentationTerm> Terms { get; private set; } = [];
    public List<string> Errors { get; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Sample { get; set; }

    /// <summary>The words to add, one a line, kept in the form when refused.</summary>
    [BindProperty]
    public string? Words { get; set; }

    [BindProperty]
    public string? Tag { get; set; }

    /// <summary>The concept the words mean (its name, the first word of its line), or empty for plain words.</summary>
    [BindProperty]
    public string? Concept { get; set; }

    /// <summary>What to look for in the concept table: a concept's name or any of its words.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    /// <summary>The concept table's lines (those matching <see cref="Find"/>, when given), with the district's words.</summary>
    public IReadOnlyList<DomainConcepts.Line> ConceptLines { get; private set; } = [];

    /// <summary>All concepts' names and forms, for the concept field's suggestions.</summary>
    public IReadOnlyList<DomainConcepts.Line> AllConcepts => DomainConcepts.Shipped.Lines;

    /// <summary>The sample cut with the shipped dictionary and with the district's terms.</summary>
    public (IReadOnlyList<string> Shipped, IReadOnlyList<string> Local)? Trial { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Adds the words (one a line) with one tag: all of them, or none when any is refused.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var list = (Words ?? "").Split('\n').Select(w => w.Trim()).Where(w => w.Length > 0).ToList();
        var concept = string.IsNullOrWhiteSpace(Concept) ? null : Concept.Trim();
        var existing = (await db.SegmentationTerms.Select(t => new { t.Word, t.Concept }).ToListAsync(ct))
            .ToDictionary(t => t.Word, t => t.Concept, StringComparer.Ordinal);
        if (list.Count == 0) Errors.Add("请至少填写一个词，每行一个");
        if (list.Count > MaxBatch) Errors.Add($"一次最多添加 {MaxBatch} 个词");
        if (Tag is null || !SegmentationTermRules.Tags.ContainsKey(Tag)) Errors.Add("请选择词性");
        if (SegmentationTermRules.CheckConcept(concept, Tag) is { } conceptError) Errors.Add(conceptError);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, line) in list.Select((w, i) => (w, i + 1)))
        {
            if (SegmentationTermRules.Check(word, existing, concept) is { } error) Errors.Add($"第 {line} 行：{error}");
            else if (!seen.Add(word)) Errors.Add($"第 {line} 行：“{word}”重复填写");
        }
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        var now = db.Time.GetUtcNow().UtcDateTime;
        db.SegmentationTerms.AddRange(list.Select(w => new SegmentationTerm { Word = w, Tag = Tag!, Concept = concept, CreatedByName = db.Scope.UserName, CreatedAtUtc = now }));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = concept is null
            ? $"已添加 {list.Count} 个词，此后的需求分析按本区词库分词"
            : $"已添加 {list.Count} 个词并归入概念“{concept}”，此后的需求分析把它们当作“{concept}”识别重复";
        return Redirect("/Mining/Terms");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await db.SegmentationTerms.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } term) return NotFound();
        db.SegmentationTerms.Remove(term);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已从本区词库删除“{term.Word}”";
        return Redirect("/Mining/Terms");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Terms = await db.SegmentationTerms.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(ct);
        var table = DomainConcepts.Shipped.WithForms(SegmentationTermRules.ConceptForms(Terms.Select(t => (t.Word, t.Concept))));
        var find = Find?.Trim() ?? "";
        ConceptLines = find.Length == 0 ? table.Lines : [.. table.Lines.Where(l => l.Forms.Any(f => f.Contains(find, StringComparison.Ordinal)))];
        if (string.IsNullOrWhiteSpace(Sample)) return;
        if (Sample.Length > 500) Sample = Sample[..500];
        var local = await models.AnalyzerAsync(db, ct);
        Trial = (TextAnalyzer.Default.Segmenter.Cut(Sample), local.Segmenter.Cut(Sample));
    }
}
