using Weishi.Web.Features.Accounts;

namespace Weishi.Web.Infrastructure.Cli;

public static class CreateUserCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, CliArgs args)
    {
        args.AllowOnly("user", "password", "role", "scope", "name");
        var userName = args.Required("user");
        var password = args.Required("password");
        var roleText = args.Required("role");
        if (!Enum.TryParse<AppRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role))
            throw new CliArgumentException($"未知角色“{roleText}”，可选：{string.Join(", ", Enum.GetNames<AppRole>())}");
        var service = sp.GetRequiredService<AccountService>();
        var (user, errors) = await service.CreateAsync(userName, args.Optional("name") ?? userName, password, role, args.Optional("scope"));
        if (user is null)
        {
            foreach (var e in errors) Console.Error.WriteLine("创建失败：" + e);
            return 1;
        }
        Console.WriteLine($"已创建账号 {user.UserName}（{AppRoles.DisplayName(role)}）。");
        return 0;
    }
}
