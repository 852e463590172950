using System.Linq.Expressions;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Delivery;

/// <summary>活动记录: one session of a service project; participants sign in with its QR token until it ends.</summary>
public class ActivitySession : IContractorWritable, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }
    public required string Place { get; set; }
    public required string Content { get; set; }
    public required string Staff { get; set; }
    /// <summary>Random, unguessable; the QR code carries /SignIn/{token}.</summary>
    public required string SignInToken { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<Attendance> Attendances { get; set; } = [];

    /// <summary>How long before the activity starts sign-ins are taken, by QR code or entered by staff: a sign-in days
    /// ahead would count someone who may never come as served.</summary>
    public static readonly TimeSpan SignInOpensBefore = TimeSpan.FromHours(1);

    public static DateTime SignInOpensAtUtc(DateTime startsAtUtc) => startsAtUtc - SignInOpensBefore;

    public static bool SignInNotYetOpen(DateTime startsAtUtc, DateTime nowUtc) => nowUtc < SignInOpensAtUtc(startsAtUtc);

    /// <summary>A session counts as held from its day on (China date); one scheduled ahead is not yet held. The project
    /// page, the execution figures, the deviation scan and the evaluation all count with this.</summary>
    public static Expression<Func<ActivitySession, bool>> HeldBy(DateOnly today) => s => s.HeldOn <= today;
}

/// <summary>One participant at one session (unique per pair, so a person signs in once).</summary>
public class Attendance : IContractorWritable, IAudited
{
    public long Id { get; set; }
    public int SessionId { get; set; }
    public ActivitySession? Session { get; set; }
    /// <summary>Copied from the session so scope checks and per-project counts need no join.</summary>
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    /// <summary>The project's community and year, copied so concentration per community-year reads one index.</summary>
    public int RegionId { get; set; }
    public int Year { get; set; }
    public int ParticipantId { get; set; }
    public Participants.Participant? Participant { get; set; }
    public DateTime SignedInAtUtc { get; set; }
    public bool ByQr { get; set; }
}

/// <summary>进度记录 of works and goods: quantity delivered, and for works the place.</summary>
public class ProgressRecord : IContractorWritable, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public DateOnly RecordedOn { get; set; }
    public required string Description { get; set; }
    public decimal Quantity { get; set; }
    public required string Unit { get; set; }
    public string? Address { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
}

/// <summary>An evidence photo (activity, progress) or a document (acceptance report), kept in the database.</summary>
public class EvidenceFile : IContractorWritable
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int? SessionId { get; set; }
    /// <summary>The works/goods progress record the photo documents, when it documents one.</summary>
    public int? ProgressRecordId { get; set; }
    public ProgressRecord? ProgressRecord { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}
