namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>The work of one kind of job. Runs in its own DI scope with the system's data scope: handlers apply the
/// creator's limits themselves (kept in the job's parameters).</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct);
}

/// <param name="Succeeded">False when the job ran to the end but refused its input (e.g. an import with bad rows).</param>
public sealed record JobOutcome(bool Succeeded, string Message, string? ResultPath = null, string? ResultFileName = null);

public interface IJobProgress
{
    /// <summary>Cheap, call as often as you like: shown at once in this process, and on PostgreSQL saved on the job row about once a second.</summary>
    void Report(int percent, string message);
}
