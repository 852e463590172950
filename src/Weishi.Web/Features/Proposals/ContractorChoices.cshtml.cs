using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Proposals;

/// <summary>The proposal form reloads its 拟承接单位 options from here (htmx) when the category changes.</summary>
public sealed class ContractorChoicesModel(WeishiDbContext db, ContractorEligibility eligibility) : PageModel
{
    // Named like the proposal form's fields, which htmx sends as they are.
    [BindProperty(SupportsGet = true, Name = "Input.Category")] public ProjectCategory Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "Input.ContractorId")] public int? ContractorId { get; set; }

    public List<ContractorOptions.Option> Options { get; private set; } = [];

    public async Task OnGetAsync() =>
        Options = await ContractorOptions.ForAsync(db, eligibility, Category, ContractorId, HttpContext.RequestAborted);
}
