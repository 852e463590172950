using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Weishi.Web.Features.Portal;

/// <summary>The programme explained in plain words, for residents.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
