using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Accounts;

/// <summary>`users disable NAME --reason R` and `users enable NAME`: the page's rules, audited as the command line.</summary>
[Collection(DemoCollection.Name)]
public class AccountCliTests(DemoApp app)
{
    private const string Password = "Goodpass123";

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRunner.RunAsync(app.Factory, args);

    [Theory]
    [InlineData(new[] { "users" }, "users 之后应为 disable（停用账号）或 enable（启用账号）")]
    [InlineData(new[] { "users", "delete", "cs-ll" }, "users 之后应为 disable（停用账号）或 enable（启用账号）")]
    [InlineData(new[] { "users", "disable" }, "users disable 缺少用户名")]
    [InlineData(new[] { "users", "disable", "--reason", "离职" }, "users disable 缺少用户名")]
    [InlineData(new[] { "users", "disable", "cs-ll" }, "缺少必填参数 --reason")]
    [InlineData(new[] { "users", "disable", "cs-ll", "--reason", " " }, "缺少必填参数 --reason")]
    [InlineData(new[] { "users", "enable", "cs-ll", "--reason", "离职" }, "未知参数 --reason")]
    public async Task Malformed_arguments_get_a_clear_Chinese_message_exit_code_2_and_change_nothing(string[] args, string message)
    {
        var (code, _, err) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.Contains("users disable NAME --reason", err);   // the usage
        Assert.Null(await QueryAsync(db => db.Users.Where(u => u.UserName == "cs-ll").Select(u => u.DisabledAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Disable_and_enable_switch_the_account_off_and_on_audited_as_the_command_line()
    {
        var (name, id) = await NewStaffAsync();
        var (off, output, _) = await RunAsync("users", "disable", name, "--reason", "调离坪山街道");
        Assert.Equal(0, off);
        Assert.Contains($"已停用账号 {name}", output);
        var stored = await QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(("system", "调离坪山街道"), (stored.DisabledBy, stored.DisabledReason));
        Assert.NotNull(stored.DisabledAtUtc);
        var login = Browser.For(app.Factory);
        var refused = await login.SubmitAsync("/Account/Login", new() { ["Input.UserName"] = name, ["Input.Password"] = Password });
        Assert.Equal(AccountService.DisabledMessage, (await login.ReadAsync(refused)).QuerySelector("[data-testid=login-error]")?.TextContent.Trim());

        var (again, _, err) = await RunAsync("users", "disable", name, "--reason", "离职");
        Assert.Equal(1, again);
        Assert.Contains("停用失败：该账号已停用", err);

        var (on, enabled, _) = await RunAsync("users", "enable", name);
        Assert.Equal(0, on);
        Assert.Contains($"已启用账号 {name}", enabled);
        Assert.Null(await QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisabledAtUtc).SingleAsync()));
        await Browser.LoginAsync(app.Factory, name, Password);

        var audit = await QueryAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(AppUser) && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Disabled", "Enabled"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("system", a.UserName));
        Assert.Contains("调离坪山街道", audit[0].After);
    }

    [Fact]
    public async Task An_unknown_name_or_an_account_in_use_is_refused_with_exit_code_1()
    {
        var (unknown, _, err) = await RunAsync("users", "disable", "nobody-" + Guid.NewGuid().ToString("N")[..8], "--reason", "离职");
        Assert.Equal(1, unknown);
        Assert.Contains("停用失败：找不到用户名为 nobody-", err);

        var (name, _) = await NewStaffAsync();
        var (inUse, _, notOff) = await RunAsync("users", "enable", name);
        Assert.Equal(1, inUse);
        Assert.Contains("启用失败：该账号未停用", notOff);
    }

    [Fact]
    public async Task The_last_system_administrator_in_use_is_not_switched_off()
    {
        await using var own = await OwnApp.StartAsync();
        using (var scope = own.Factory.Services.CreateScope())
            Assert.NotNull((await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync("only-admin", "唯一管理员", Password, AppRole.SystemAdmin, null)).User);

        var (code, _, err) = await CliRunner.RunAsync(own.Factory, "users", "disable", "only-admin", "--reason", "离职");
        Assert.Equal(1, code);
        Assert.Contains("停用失败：不能停用最后一个在用的系统管理员账号", err);
        using var check = own.Factory.Services.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<WeishiDbContext>().Users.AnyAsync(u => u.DisabledAtUtc != null));
    }

    private Task<(string Name, string Id)> NewStaffAsync() => AccountTestData.NewStaffAsync(app.Factory, "cli-switch-", "命令行停用测试", Password);

    private Task<T> QueryAsync<T>(Func<WeishiDbContext, Task<T>> query) => AccountTestData.QueryAsync(app.Factory, query);
}
