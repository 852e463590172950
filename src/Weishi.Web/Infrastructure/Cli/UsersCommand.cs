using Microsoft.AspNetCore.Identity;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Cli;

/// <summary>
/// `users disable NAME --reason R` and `users enable NAME`: 停用 / 启用 through <see cref="AccountService"/>, with the
/// page's rules, audited with the command line's actor (the system's scope, as every change made here).
/// </summary>
public static class UsersCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args)
    {
        var action = args.Length > 0 ? args[0] : null;
        if (action is not ("disable" or "enable"))
            throw new CliArgumentException("users 之后应为 disable（停用账号）或 enable（启用账号）");
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
            throw new CliArgumentException($"users {action} 缺少用户名");
        var userName = args[1];
        var options = CliArgs.Parse(args.Skip(2));
        string? reason = null;
        if (action == "disable")
        {
            options.AllowOnly("reason");
            reason = options.Required("reason");
        }
        else options.AllowOnly();

        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName.Trim());
        var verb = action == "disable" ? "停用" : "启用";
        if (user is null)
        {
            Console.Error.WriteLine($"{verb}失败：找不到用户名为 {userName} 的账号");
            return 1;
        }
        var accounts = sp.GetRequiredService<AccountService>();
        var error = action == "disable"
            ? await accounts.DisableAsync(user.Id, reason, sp.GetRequiredService<WeishiDbContext>().Scope)
            : await accounts.EnableAsync(user.Id);
        if (error is not null)
        {
            Console.Error.WriteLine($"{verb}失败：{error}");
            return 1;
        }
        Console.WriteLine(action == "disable"
            ? $"已停用账号 {user.UserName}（{user.DisplayName}），原因：{reason!.Trim()}；该账号不能再登录，已登录的会话在下一次请求时失效。"
            : $"已启用账号 {user.UserName}（{user.DisplayName}），可以用原有角色登录。");
        return 0;
    }
}
