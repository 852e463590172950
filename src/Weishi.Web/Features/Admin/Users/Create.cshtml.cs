using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Admin.Users;

public sealed class CreateModel(WeishiDbContext db, AccountService accounts) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public AppRole Role { get; set; } = AppRole.CommunityStaff;
    [BindProperty] public string? Scope { get; set; }

    public ScopeOptions Options { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync() => Options = await ScopeOptions.LoadAsync(db, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enum.IsDefined(Role)) Errors = ["请选择角色"];
        else if (string.IsNullOrWhiteSpace(UserName)) Errors = ["请填写用户名"];
        else
        {
            var (user, errors) = await accounts.CreateAsync(UserName, DisplayName, Password ?? "", Role, Scope);
            if (user is not null)
            {
                TempData["Message"] = $"已创建用户 {user.UserName}";
                return RedirectToPage("Index");
            }
            Errors = errors;
        }
        Options = await ScopeOptions.LoadAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}
