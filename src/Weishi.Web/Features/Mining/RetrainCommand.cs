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
        var (description, refusal) = duplicates
            ? Describe(await sp.GetRequiredService<PairModelRetrainer>().RetrainAsync("命令行", CancellationToken.None), r => r.Describe())
            : Describe(await sp.GetRequiredService<ClassifierRetrainer>().RetrainAsync("命令行", CancellationToken.None), r => r.Describe());
        if (description is null)
        {
            Console.Error.WriteLine(refusal);
            return 1;
        }
        Console.WriteLine(description);
        return 0;
    }

    private static (string? Description, string? Refusal) Describe<T>((T? Result, string? Refusal) outcome, Func<T, string> describe) where T : class =>
        (outcome.Result is { } r ? describe(r) : null, outcome.Refusal);
}
