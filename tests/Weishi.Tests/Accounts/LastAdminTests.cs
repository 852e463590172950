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

    [Fact]
    public async Task Two_administrators_switching_each_other_off_at_once_leave_one_in_use()
    {
        await using var app = await OwnApp.StartAsync();
        var (first, second) = await TwoAdministratorsAsync(app);
        var meeting = new Rendezvous();
        using var hook = app.Factory.BeforeSaves(meeting.HookAsync);

        var results = await Task.WhenAll(
            meeting.RunAsync(0, app, accounts => accounts.DisableAsync(second, "离职", ActingAs(first))),
            meeting.RunAsync(1, app, accounts => accounts.DisableAsync(first, "离职", ActingAs(second))));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r == "不能停用最后一个在用的系统管理员账号");
        Assert.Equal(1, await QueryAsync(app, db => db.Users.CountAsync(u => (u.Id == first || u.Id == second) && u.DisabledAtUtc == null)));
    }

    [Fact]
    public async Task Two_administrators_revoking_each_others_role_at_once_leave_one_administrator()
    {
        await using var app = await OwnApp.StartAsync();
        var (first, second) = await TwoAdministratorsAsync(app);
        Task<int> AdminRoleOfAsync(string user) => QueryAsync(app, db => db.RoleAssignments
            .Where(a => a.UserId == user && a.Role == AppRole.SystemAdmin).Select(a => a.Id).SingleAsync());
        var (firstRole, secondRole) = (await AdminRoleOfAsync(first), await AdminRoleOfAsync(second));
        var meeting = new Rendezvous();
        using var hook = app.Factory.BeforeSaves(meeting.HookAsync);

        var results = await Task.WhenAll(
            meeting.RunAsync(0, app, accounts => accounts.RevokeAsync(second, secondRole)),
            meeting.RunAsync(1, app, accounts => accounts.RevokeAsync(first, firstRole)));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r == "不能撤销最后一个在用的系统管理员的系统管理员角色");
        Assert.Equal(1, await QueryAsync(app, db => db.RoleAssignments.CountAsync(a => a.Role == AppRole.SystemAdmin)));
    }

    private static async Task<(string First, string Second)> TwoAdministratorsAsync(OwnApp app)
    {
        using var scope = app.Factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var first = (await accounts.CreateAsync("admin-1", "管理员一", "Goodpass123", AppRole.SystemAdmin, null)).User!;
        var second = (await accounts.CreateAsync("admin-2", "管理员二", "Goodpass123", AppRole.SystemAdmin, null)).User!;
        return (first.Id, second.Id);
    }

    private static UserScope ActingAs(string adminId) => UserScope.System with { UserId = adminId, UserName = adminId };

    private static async Task<T> QueryAsync<T>(OwnApp app, Func<Weishi.Web.Infrastructure.Data.WeishiDbContext, Task<T>> query)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<Weishi.Web.Infrastructure.Data.WeishiDbContext>());
    }

    /// <summary>
    /// Two calls, each in a request scope of its own, that meet at their first write: each waits there (at its first save,
    /// or the first transaction it begins) until the other has reached its own, so both have read what they check before
    /// either writes, unless the check is inside what serialises them. Not timed: the first to arrive waits for the other.
    /// </summary>
    private sealed class Rendezvous
    {
        private static readonly AsyncLocal<int?> Caller = new();
        private readonly TaskCompletionSource[] _arrived =
            [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];

        public Task<string?> RunAsync(int caller, OwnApp app, Func<AccountService, Task<string?>> call) => Task.Run(async () =>
        {
            Caller.Value = caller;
            try
            {
                using var scope = app.Factory.Services.CreateScope();
                return await call(scope.ServiceProvider.GetRequiredService<AccountService>());
            }
            finally
            {
                _arrived[caller].TrySetResult();   // a call that ends without writing does not keep the other waiting
            }
        });

        public async Task HookAsync(Microsoft.EntityFrameworkCore.DbContext context, CancellationToken ct)
        {
            if (Caller.Value is not { } me || !_arrived[me].TrySetResult()) return;
            await _arrived[1 - me].Task.WaitAsync(ct);
        }
    }
}
