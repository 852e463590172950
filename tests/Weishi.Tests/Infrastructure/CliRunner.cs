using Weishi.Web.Infrastructure.Cli;

namespace Weishi.Tests.Infrastructure;

/// <summary>Runs a CLI verb against a test app and captures what it prints.</summary>
public static class CliRunner
{
    // Console.Out is one per process and test collections run in parallel: one capture at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<(int Code, string Out, string Err)> RunAsync(WeishiAppFactory factory, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await OneAtATime.WaitAsync();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var code = await CliCommands.RunAsync(factory.Services, args);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            OneAtATime.Release();
        }
    }
}
