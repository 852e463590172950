using Weishi.Web.Infrastructure.Cli;

namespace Weishi.Web.Features.Mining;

/// <summary>`retrain`: retrains the category model with the staff corrections; later mining runs use it.</summary>
public static class RetrainCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args)
    {
        if (args.Length > 0) throw new CliArgumentException($"retrain 不接受参数（收到：{string.Join(' ', args)}）");
        var (result, refusal) = await sp.GetRequiredService<ClassifierRetrainer>().RetrainAsync("命令行", CancellationToken.None);
        if (result is null)
        {
            Console.Error.WriteLine(refusal);
            return 1;
        }
        Console.WriteLine(result.Describe());
        return 0;
    }
}
