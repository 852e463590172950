using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Tests.Accounts;

/// <summary>
/// The last system administrator still in use cannot be switched off, nor lose that role. On a database of its own: the demo's shared one
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

    [Fact]
    public async Task The_last_active_system_administrator_keeps_the_role()
    {
        await using var app = await OwnApp.StartAsync();
        using var scope = app.Factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var db = scope.ServiceProvider.GetRequiredService<Weishi.Web.Infrastructure.Data.WeishiDbContext>();
        var first = (await accounts.CreateAsync("admin-1", "管理员一", "Goodpass123", AppRole.SystemAdmin, null)).User!;
        var second = (await accounts.CreateAsync("admin-2", "管理员二", "Goodpass123", AppRole.SystemAdmin, null)).User!;
        Task<int> AdminRoleOfAsync(AppUser user) => db.RoleAssignments.AsNoTracking()
            .Where(a => a.UserId == user.Id && a.Role == AppRole.SystemAdmin).Select(a => a.Id).SingleAsync();

        // A switched-off administrator does not count: the one still in use is the last.
        Assert.Null(await accounts.DisableAsync(second.Id, "离职", UserScope.System));
        var firstRole = await AdminRoleOfAsync(first);
        Assert.Equal("不能撤销最后一个在用的系统管理员的系统管理员角色", await accounts.RevokeAsync(first.Id, firstRole));
        Assert.True(await db.RoleAssignments.AsNoTracking().AnyAsync(a => a.Id == firstRole));

        // With the second back in use, the first may lose it.
        Assert.Null(await accounts.EnableAsync(second.Id));
        Assert.Null(await accounts.RevokeAsync(first.Id, firstRole));
        Assert.False(await db.RoleAssignments.AsNoTracking().AnyAsync(a => a.Id == firstRole));
    }
}
