using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Cli;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

[Collection(DemoCollection.Name)]
public class CliTests(DemoApp app)
{
    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRunner.RunAsync(app.Factory, args);

    [Theory]
    [InlineData(new[] { "create-user", "--user" }, "缺少取值")]
    [InlineData(new[] { "create-user", "--user", "x", "--password", "Abcdefg12" }, "缺少必填参数 --role")]
    [InlineData(new[] { "create-user", "--user", "x", "--password", "Abcdefg12", "--role", "Mayor" }, "未知角色")]
    [InlineData(new[] { "create-user", "oops" }, "无法识别的参数")]
    [InlineData(new[] { "create-user", "--user", "x", "--password", "Abcdefg12", "--role", "Resident", "--colour", "red" }, "未知参数 --colour")]
    public async Task Malformed_arguments_get_a_clear_Chinese_message_and_exit_code_2(string[] args, string message)
    {
        var (code, _, err) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.Contains("用法", err);
    }

    [Fact]
    public async Task Create_user_binds_the_role_to_the_scope_and_refuses_a_bad_scope()
    {
        var (bad, _, err) = await RunAsync("create-user", "--user", "cli-bad", "--password", "Clipass123", "--role", "SubdistrictOfficer", "--scope", "440310001001");
        Assert.Equal(1, bad);
        Assert.Contains("街道级区划代码", err);

        var (ok, output, _) = await RunAsync("create-user", "--user", "cli-sd", "--password", "Clipass123", "--role", "SubdistrictOfficer", "--scope", "440310005", "--name", "坑梓街道 小张");
        Assert.Equal(0, ok);
        Assert.Contains("已创建账号 cli-sd", output);
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var assignment = await db.RoleAssignments.Include(a => a.Region).SingleAsync(a => a.User!.UserName == "cli-sd");
        Assert.Equal("坑梓街道", assignment.Region!.Name);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "cli-bad"));
    }

    [Fact]
    public async Task Seed_demo_refuses_to_load_twice_and_migrate_is_idempotent()
    {
        var (code, _, err) = await RunAsync("seed-demo");
        Assert.Equal(2, code);
        Assert.Contains("--force", err);
        Assert.Equal(0, (await RunAsync("migrate")).Code);
    }
}
