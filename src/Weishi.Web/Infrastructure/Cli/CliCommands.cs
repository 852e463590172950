using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Demo;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Cli;

/// <summary>The command-line verbs of the same executable: `dotnet run --project src/Weishi.Web -- VERB ...`.</summary>
public static class CliCommands
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-user", "users", "import-demands", "mine", "retrain", "help"];

    public const string Usage = """
        用法: dotnet run --project src/Weishi.Web -- <命令> [参数]
          migrate                         创建或升级数据库结构
          seed-demo [--force]             载入坪山区演示数据（--force：清空业务数据后重新载入）
          create-user --user NAME --password PWD --role ROLE [--scope CODE] [--name 显示名]
                                          创建账号并授予角色；ROLE 为 Resident, CommunityStaff, SubdistrictOfficer,
                                          DistrictAdmin, FinanceEvaluator, Contractor, Auditor, SystemAdmin；
                                          CODE 为区划代码（社区/街道/区）或承接单位的统一社会信用代码
          users disable NAME --reason 原因
                                          停用账号：不能再登录，已登录的会话随即失效；角色和记录保留，记入审计日志
          users enable NAME               启用已停用的账号，恢复原有角色
          import-demands --file F [--channel Hotline|Paper|Visit|Meeting|Phone]
                                          导入居民需求（CSV 或 .xlsx，列对应见 README），全部或不导入
          mine FILE [--out OUT]           对 CSV/TSV 文件（首行须有 text 列）做需求分类、查重、关键词提取，
                                          结果另存（默认 FILE.mined.csv），新增 category, confidence, duplicate_group, keywords 列
          retrain                         用工作人员更正过的需求类别重新训练分类模型（此后的需求分析使用新模型），
                                          显示所用更正条数及留出检验的训练前后准确率
          retrain duplicates              用工作人员对疑似重复需求的判断（合并、不是重复）重新训练重复识别模型，
                                          显示所用判断对数及留出检验的训练前后一致率
          help                            显示本说明
        """;

    public static bool IsVerb(string arg) => Verbs.Contains(arg) || arg.StartsWith("--help", StringComparison.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await DatabaseSetup.MigrateAsync(sp.GetRequiredService<WeishiDbContext>());
                    Console.WriteLine("数据库已是最新结构。");
                    return 0;
                case "seed-demo":
                {
                    var db = sp.GetRequiredService<WeishiDbContext>();
                    await using var turn = await StartupLock.AcquireAsync(db);
                    await DatabaseSetup.MigrateAsync(db);
                    var force = args.Contains("--force");
                    if (!force && await db.Projects.IgnoreQueryFilters().AnyAsync())
                    {
                        Console.Error.WriteLine("数据库中已有项目数据，未载入演示数据。如需重新载入，请加 --force。");
                        return 2;
                    }
                    await sp.GetRequiredService<DemoSeeder>().SeedAsync(new ConsoleProgress(), force);
                    Console.WriteLine("演示数据已载入。");
                    Console.WriteLine(DemoAccounts.Describe());
                    return 0;
                }
                case "import-demands":
                    return await Features.Demands.ImportDemandsCommand.RunAsync(sp, CliArgs.Parse(args.Skip(1)));
                case "mine":
                    return await Features.Mining.MineFileCommand.RunAsync(sp, args[1..]);
                case "retrain":
                    await DatabaseSetup.MigrateAsync(sp.GetRequiredService<WeishiDbContext>());
                    return await Features.Mining.RetrainCommand.RunAsync(sp, args[1..]);
                case "create-user":
                    return await CreateUserCommand.RunAsync(sp, CliArgs.Parse(args.Skip(1)));
                case "users":
                    return await UsersCommand.RunAsync(sp, args[1..]);
                default:
                    Console.WriteLine(Usage);
                    return 0;
            }
        }
        catch (CliArgumentException ex)
        {
            Console.Error.WriteLine("参数错误：" + ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
