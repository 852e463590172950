namespace Weishi.Web.Infrastructure.Data;

/// <summary>A delivery record that hangs off one project; saves are checked against the project's region.</summary>
public interface IProjectRecord
{
    int ProjectId { get; }
}

/// <summary>A project record that the project's own contractor may also write (activities, progress, answers).</summary>
public interface IContractorWritable : IProjectRecord;
