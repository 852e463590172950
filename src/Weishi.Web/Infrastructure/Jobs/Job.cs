namespace Weishi.Web.Infrastructure.Jobs;

public enum JobStatus
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
}

/// <summary>Long work (imports, reports, text mining) run in the background, persisted so its progress and result survive the request.</summary>
public class Job
{
    public int Id { get; set; }
    /// <summary>Which <see cref="IJobHandler"/> runs it.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Queued;
    public int Percent { get; set; }
    public string? Message { get; set; }
    /// <summary>The handler's own parameters, as JSON.</summary>
    public string? ParametersJson { get; set; }
    /// <summary>What the job works on when two must not wait or run side by side (e.g. one survey's invitations): unique
    /// among queued and running jobs, so a second one is refused by the database (<see cref="JobRunner.TryEnqueueAsync"/>).</summary>
    public string? ExclusiveKey { get; set; }
    /// <summary>The page where the job's outcome is used (e.g. a survey's slips to print); its page links back to it.</summary>
    public string? ReturnUrl { get; set; }
    /// <summary>Uploaded input in the file store.</summary>
    public string? InputPath { get; set; }
    /// <summary>Downloadable result (report, error list) in the file store.</summary>
    public string? ResultPath { get; set; }
    public string? ResultFileName { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "system";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    /// <summary>When the runner last showed the job is alive (a saved progress report or its periodic beat; PostgreSQL only):
    /// another instance counts a running job as abandoned only when this, or its start if it never beat, is old.</summary>
    public DateTime? HeartbeatAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    public bool Finished => Status is JobStatus.Succeeded or JobStatus.Failed;

    public static string StatusName(JobStatus s) => s switch
    {
        JobStatus.Queued => "排队中",
        JobStatus.Running => "进行中",
        JobStatus.Succeeded => "已完成",
        _ => "未成功",
    };
}
