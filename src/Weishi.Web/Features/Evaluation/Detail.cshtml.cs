using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Evaluation;

[RequestSizeLimit(MaxUpload + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + 1_000_000)]
public sealed class DetailModel(WeishiDbContext db, EvaluationScorer scorer, EvaluationFactory factory, FileStore files, JobRunner jobs) : PageModel
{
    public const long MaxUpload = 20 * 1024 * 1024;
    private static readonly string[] EvidenceExtensions = [".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".doc", ".xls"];

    public ScoreSheet Sheet { get; private set; } = null!;
    public PerformanceEvaluation Evaluation => Sheet.Evaluation;
    public bool CanEdit { get; private set; }
    /// <summary>范围 with the regions' (or projects') names.</summary>
    public string ScopeText { get; private set; } = "";
    public string? ErrorCode { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>An expert score, or the actual value of a proportional/banded leaf, with its reason and evidence files.</summary>
    public async Task<IActionResult> OnPostScoreAsync(int id, string code, string? score, string? actual, string? reason, List<IFormFile>? evidence, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        var node = Sheet.Nodes.Select(n => n.Node).FirstOrDefault(n => n.Code == code && n.IsLeaf && n.Method != ScoringMethod.Data);
        if (node is null) return await FailAsync(id, code, "该指标由数据自动计分，不能手工评分", ct);
        reason = reason?.Trim();
        if (reason is { Length: > 1000 }) return await FailAsync(id, code, "评分理由不能超过 1000 字", ct);
        decimal? value = null;
        if (node.Method == ScoringMethod.Expert)
        {
            if (!TryNumber(score, out value)) return await FailAsync(id, code, "得分须为数字", ct);
            if (Scoring.ExpertRefusal(value, node.Weight, reason) is { } refusal) return await FailAsync(id, code, refusal, ct);
        }
        else
        {
            if (!TryNumber(actual, out value) || value is null) return await FailAsync(id, code, "请填写实际值（数字）", ct);
            if (value < 0) return await FailAsync(id, code, "实际值不能为负数", ct);
        }
        foreach (var file in evidence ?? [])
        {
            if (file.Length == 0 || file.Length > MaxUpload) return await FailAsync(id, code, "佐证材料须为 20 MB 以内的非空文件", ct);
            if (!EvidenceExtensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
                return await FailAsync(id, code, "佐证材料只接受 PDF、图片、Word 或 Excel 文件", ct);
        }

        var entry = await db.Set<EvaluationScore>().FirstOrDefaultAsync(s => s.EvaluationId == id && s.NodeCode == code, ct);
        if (entry is null)
        {
            entry = new EvaluationScore { EvaluationId = id, NodeCode = code };
            db.Add(entry);
        }
        if (node.Method == ScoringMethod.Expert) entry.Score = value; else entry.Actual = value;
        entry.Reason = string.IsNullOrEmpty(reason) ? null : reason;
        entry.ScoredBy = db.Scope.UserName;
        entry.ScoredAtUtc = db.Time.GetUtcNow().UtcDateTime;
        foreach (var file in evidence ?? [])
        {
            await using var stream = file.OpenReadStream();
            var path = await files.SaveAsync("evaluation", Path.GetExtension(file.FileName).ToLowerInvariant(), stream, ct);
            entry.Evidence.Add(new EvaluationEvidence
            {
                EvaluationId = id, FileName = UploadName.Of(file),
                Path = path, UploadedAtUtc = entry.ScoredAtUtc,
            });
        }
        await db.SaveChangesAsync(ct);
        if (IsHtmx)
        {
            await LoadAsync(id, ct);
            return Partial("_Sheet", this);
        }
        TempData["Message"] = $"已保存“{node.Name}”的评分";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Saves the edited recommendations: <paramref name="ids"/> name the existing ones, paired with the first
    /// <paramref name="texts"/>; the texts after them are new ones. A recommendation is removed only by its 删除 button
    /// (<paramref name="remove"/>): a box emptied by mistake is refused and nothing changes.
    /// </summary>
    public async Task<IActionResult> OnPostRecommendationsAsync(int id, List<int>? ids, List<string>? texts, int? remove, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        (ids, texts) = (ids ?? [], (texts ?? []).Select(t => t?.Trim() ?? "").ToList());
        var rows = await db.Set<EvaluationRecommendation>().Where(r => r.EvaluationId == id).OrderBy(r => r.Position).ToListAsync(ct);
        var edited = ids.Select((rowId, i) => (Row: rows.FirstOrDefault(r => r.Id == rowId), Text: i < texts.Count ? texts[i] : ""))
            .Where(x => x.Row is not null).ToList();
        var added = texts.Skip(ids.Count).Where(t => t.Length > 0).ToList();
        if (edited.Select(x => x.Text).Concat(added).Any(t => t.Length > 2000)) return await FailAsync(id, "recommendations", "每条建议不能超过 2000 字", ct);
        if (edited.FirstOrDefault(x => x.Text.Length == 0 && x.Row!.Id != remove) is { Row: { } emptied })
            return await FailAsync(id, "recommendations",
                $"第 {rows.IndexOf(emptied) + 1} 条建议内容为空，未保存。如要删除该条建议，请点该条下方的“删除此条”", ct);
        foreach (var (row, text) in edited) row!.Text = text;
        var removed = remove is { } removeId ? rows.FirstOrDefault(r => r.Id == removeId) : null;
        if (removed is not null) db.Remove(removed);
        var kept = rows.Where(r => r != removed).ToList();
        for (var i = 0; i < kept.Count; i++) kept[i].Position = i + 1;
        for (var i = 0; i < added.Count; i++) db.Add(new EvaluationRecommendation { EvaluationId = id, Position = kept.Count + 1 + i, Text = added[i] });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = removed is null ? "建议已保存" : $"已删除建议“{RecommendationExcerpt(removed.Text)}”";
        return RedirectToPage(new { id });
    }

    /// <summary>The start of a recommendation, to name it in a confirmation or a message.</summary>
    public static string RecommendationExcerpt(string text) => text.Length <= 30 ? text : text[..30] + "……";

    public async Task<IActionResult> OnPostDetectAsync(int id, CancellationToken ct)
    {
        var evaluation = await db.Set<PerformanceEvaluation>().Include(e => e.Recommendations).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null) return NotFound();
        if (!EvaluationAccess.CanEdit(db.Scope, evaluation)) return Forbid();
        var added = await factory.SeedRecommendationsAsync(evaluation, ct);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = added == 0 ? "未发现新的问题类型" : $"新增 {added} 条建议，请审阅修改";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct)
    {
        var evaluation = await db.Set<PerformanceEvaluation>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null) return NotFound();
        var jobId = await jobs.EnqueueAsync(db, EvaluationReportJob.Create(evaluation, db.Scope.UserId, db.Scope.UserName), ct);
        return Redirect($"/Jobs/Detail/{jobId}");
    }

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int fileId, CancellationToken ct)
    {
        var file = await db.Set<EvaluationEvidence>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.EvaluationId == id, ct);
        if (file is null || !files.Exists(file.Path)) return NotFound();
        return File(files.OpenRead(file.Path), "application/octet-stream", file.FileName);
    }

    private bool IsHtmx => Request.Headers["HX-Request"] == "true";

    private async Task<IActionResult> FailAsync(int id, string code, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        ErrorCode = code;
        Error = error;
        Response.StatusCode = IsHtmx ? 200 : 400;
        return IsHtmx ? Partial("_Sheet", this) : Page();
    }

    private static bool TryNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!decimal.TryParse(text.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v)) return false;
        value = v;
        return true;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var evaluation = await scorer.LoadAsync(id, ct);
        if (evaluation is null) return false;
        Sheet = await scorer.ScoreAsync(evaluation, ct);
        CanEdit = EvaluationAccess.CanEdit(db.Scope, evaluation);
        ScopeText = await EvaluationScopeText.OfAsync(db, evaluation, ct);
        return true;
    }
}
