using System.Text.Json;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

/// <summary>Mines the needs of a region submitted in a period and stores topics, category suggestions and duplicate groups.</summary>
public sealed class MiningJob(WeishiDbContext db, MiningModelStore models) : IJobHandler
{
    public const string JobKind = "demand-mining";

    /// <summary>The creator's choice, checked against their scope when the job was queued.</summary>
    public sealed record Parameters(int RegionId, string RegionName, DateOnly From, DateOnly To, string? UserId, string UserName);

    public string Kind => JobKind;

    public static Job Create(Parameters p) => new()
    {
        Kind = JobKind,
        Title = $"需求分析：{p.RegionName} {p.From:yyyy-MM-dd} 至 {p.To:yyyy-MM-dd}",
        ParametersJson = JsonSerializer.Serialize(p),
        CreatedByUserId = p.UserId,
        CreatedByName = p.UserName,
    };

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<Parameters>(job.ParametersJson!)!;
        var mined = await DemandMining.MineAndStoreAsync(db, await models.CurrentAsync(db, ct),
            new DemandMining.Request(p.RegionId, p.From, p.To, p.UserName, job.Id), progress, ct);
        return new JobOutcome(true,
            $"分析完成：{mined.Run.DemandCount} 条需求，{mined.Topics} 个主题，疑似重复 {mined.DuplicateGroups} 组。请回到“需求分析”页面查看（分析编号 {mined.Run.Id}）。");
    }
}
