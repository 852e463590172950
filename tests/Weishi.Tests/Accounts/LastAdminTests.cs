using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Tests.Accounts;

/// <summary>
/// The last system administrator still in use cannot be switched off. On a database of its own: the demo's shared one
/// may hold administrators other tests added. Through the service, as any caller (the page, a command) reaches it.
/// </summary>
public class LastAdminTests
{
    [Fact]
    public async Task The_last_active_system_administrator_cannot_be_switched_off()
    {
        await using var app = await OwnApp.StartAsync();
        using var scope = app.Factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var (first, _) = await accounts.CreateAsync("admin-1", "管理员一", "Goodpass123", AppRole.SystemAdmin, null);
        var (second, _) = await accounts.CreateAsync("admin-2", "管理员二", "Goodpass123", AppRole.SystemAdmin, null);

        Assert.Null(await accounts.DisableAsync(second!.Id, "离职", UserScope.System));
        Assert.Equal("不能停用最后一个在用的系统管理员账号", await accounts.DisableAsync(first!.Id, "离职", UserScope.System));
        Assert.Null((await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByIdAsync(first.Id))!.DisabledAtUtc);
    }
}
