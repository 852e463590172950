using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Features.Proposals;
using Weishi.Web.Features.Screening;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Public;

/// <summary>The published screening rubric and the negative list of a year, for anyone.</summary>
public sealed class RubricModel(WeishiDbContext db, RubricService rubrics) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int SelectedYear => Year is >= 2000 and <= 2100 ? Year.Value : ChinaDate.Today(db.Time).Year + 1;
    public Rubric? Current { get; private set; }
    public IReadOnlyList<NegativeListRule> Rules { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Current = await rubrics.CurrentAsync(SelectedYear) ?? await rubrics.CurrentAsync(SelectedYear - 1);
        Rules = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.NegativeListRules)
            .Where(r => r.Active).OrderBy(r => r.Id).ToList();
    }
}
