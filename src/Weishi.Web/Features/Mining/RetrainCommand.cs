using Weishi.Web.Infrastructure.Cli;

namespace Weishi.Web.Features.Mining;

/// <summary>`retrain`: retrains the category model with the staff corrections; `retrain duplicates`: the duplicate
/// model with the staff's merge decisions. Later mining runs use them.</summary>
public static class RetrainCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args)
    {
        var duplicates = args is ["duplicates"];
        if (args.Length > 0 && !duplicates) throw new CliArgumentException($"retrain 只接受可选参数 duplicates（收到：{string.Join(' ', args)}）");
        string? description, refusal;
        if (duplicates)
        {
            var (result, why) = await sp.GetRequiredService<PairModelRetrainer>().RetrainAsync("命令行", CancellationToken.None);
            (description, refusal) = (result?.Describe(), why);
        }
        else
        {
            var (result, why) = await sp.GetRequiredService<ClassifierRetrainer>().RetrainAsync("命令行", CancellationToken.None);
            (description, refusal) = (result?.Describe(), why);
        }
        if (description is null)
        {
            Console.Error.WriteLine(refusal);
            return 1;
        }
        Console.WriteLine(description);
        return 0;
    }
}
