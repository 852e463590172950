using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>满意度测评 of one project: a public link (anonymous answers where there is no register) and per-person tokens.</summary>
public class Survey : IProjectRecord, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    /// <summary>Random, unguessable; the survey QR code carries /Survey/{token}.</summary>
    public required string PublicToken { get; set; }
    /// <summary>Answers are meaningful only after the service began; earlier ones are flagged.</summary>
    public DateTime ServiceStartUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// A single-use answer token for one registered participant (sent by SMS or printed on a slip). Stored before any text
/// is sent; <see cref="Delivery"/> records how far its text got, so a later run of <see cref="SurveyInvitationJob"/>
/// never texts it twice.
/// </summary>
public class SurveyInvitation : IProjectRecord
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public Survey? Survey { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int ParticipantId { get; set; }
    public required string Token { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public InvitationDelivery Delivery { get; set; }
}

/// <summary>How an invitation's token reaches its participant (see ADR 017).</summary>
public enum InvitationDelivery
{
    /// <summary>On a printed slip: no phone, the gateway refused the text, or a run stopped while texting it.</summary>
    Slip = 0,
    /// <summary>Has a phone and waits for its text.</summary>
    SmsPending = 1,
    /// <summary>A run took it to text it now; a run that finds it still so (its runner died) hands it out on a slip.</summary>
    SmsSending = 2,
    /// <summary>The gateway took the text.</summary>
    SmsSent = 3,
}

/// <summary>
/// One answer sheet. With an invitation the unique index on InvitationId makes it one answer per participant, also
/// under concurrent submissions. ClientKey is a truncated hash of address and browser, only for spotting bursts.
/// </summary>
public class SurveyResponse : IProjectRecord
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public Survey? Survey { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public long? InvitationId { get; set; }
    public SurveyInvitation? Invitation { get; set; }
    /// <summary>总体满意度 1–5.</summary>
    public int Overall { get; set; }
    /// <summary>是否满足您的需求 1–5.</summary>
    public int MetNeed { get; set; }
    public bool WouldJoinAgain { get; set; }
    /// <summary>知晓度: knew of 民生微实事 before this project.</summary>
    public bool KnewBefore { get; set; }
    public string? Comment { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public required string ClientKey { get; set; }
    /// <summary>Scores on the survey's targeted questions.</summary>
    public List<SurveyItemAnswer> Items { get; set; } = [];
}
