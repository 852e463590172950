using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Cli;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Demands;

/// <summary>`import-demands --file F [--channel Hotline]`: the same import job as the web page, run here and now.</summary>
public static class ImportDemandsCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, CliArgs args)
    {
        args.AllowOnly("file", "channel");
        var file = args.Required("file");
        if (!File.Exists(file)) throw new CliArgumentException($"文件不存在：{file}");
        var channel = Enum.TryParse<DemandChannel>(args.Optional("channel") ?? nameof(DemandChannel.Hotline), out var c) && ImportModel.Channels.Contains(c)
            ? c : throw new CliArgumentException("--channel 应为 Hotline, Paper, Visit, Meeting 或 Phone");

        var db = sp.GetRequiredService<WeishiDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var files = sp.GetRequiredService<FileStore>();
        string stored;
        await using (var input = File.OpenRead(file)) stored = await files.SaveAsync("imports", ".upload", input, CancellationToken.None);
        var runner = sp.GetRequiredService<JobRunner>();
        // Claimed from the start: a web app's worker on the same database never sees it queued.
        var id = await runner.AddClaimedAsync(db, DemandImportJob.Create(new DemandImportJob.Parameters(channel, null, null, "命令行", Path.GetFileName(file)), stored), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var board = sp.GetRequiredService<JobProgressBoard>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var printer = Task.Run(async () =>
        {
            string? last = null;
            while (!stop.IsCancellationRequested)
            {
                if (board.Get(id) is { } p && p.Message != last) Console.WriteLine($"[{started.Elapsed.TotalSeconds,6:0.0}s] {p.Percent,3}% {last = p.Message}");
                try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        await runner.RunAsync(id, CancellationToken.None);
        await stop.CancelAsync();
        await printer;
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
        Console.WriteLine(job.Message);
        if (job.ResultPath is not null) Console.WriteLine("错误报告：" + files.FullPath(job.ResultPath));
        return job.Status == JobStatus.Succeeded ? 0 : 1;
    }
}
