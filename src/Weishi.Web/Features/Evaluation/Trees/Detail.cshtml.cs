using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation.Trees;

public sealed class DetailModel(WeishiDbContext db) : PageModel
{
    public IndicatorTree Tree { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var tree = await db.Set<IndicatorTree>().AsNoTracking().Include(t => t.Nodes).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tree is null) return NotFound();
        Tree = tree;
        return Page();
    }
}
