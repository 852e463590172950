using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Infrastructure.Data;

/// <summary>
/// The one database context. Scoping lives here: global query filters limit every read to the user's
/// regions (or contractor), and <see cref="SaveChangesAsync(bool, CancellationToken)"/> refuses writes
/// outside them and appends the audit log in the same transaction.
/// </summary>
public abstract partial class WeishiDbContext(DbContextOptions options, ICurrentScope currentScope, TimeProvider time)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public UserScope Scope => currentScope.Scope;
    public TimeProvider Time => time;

    /// <summary>Set by bulk loaders (demo seed, imports) that write one summary audit entry themselves.</summary>
    public bool SuppressRowAudit { get; set; }

    /// <summary>Set by the public QR sign-in, whose session token is the permission to add one attendance.</summary>
    public bool AllowAnonymousSignIn { get; set; }
    /// <summary>Set by the public survey page: an anonymous visitor may add an answer sheet.</summary>
    public bool AllowAnonymousSurvey { get; set; }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Contractor> Contractors => Set<Contractor>();
    public DbSet<ContractorStaff> ContractorStaff => Set<ContractorStaff>();
    public DbSet<ContractorViolation> ContractorViolations => Set<ContractorViolation>();
    public DbSet<DeclaredProject> DeclaredProjects => Set<DeclaredProject>();
    public DbSet<ContractorSanction> ContractorSanctions => Set<ContractorSanction>();
    public DbSet<ContractorChangeRequest> ContractorChangeRequests => Set<ContractorChangeRequest>();
    public DbSet<Features.Contractors.Admission.AdmissionRule> AdmissionRules => Set<Features.Contractors.Admission.AdmissionRule>();
    public DbSet<Features.Contractors.Admission.AdmissionApplication> AdmissionApplications => Set<Features.Contractors.Admission.AdmissionApplication>();
    public DbSet<Features.Contractors.Admission.ApplicationDocument> ApplicationDocuments => Set<Features.Contractors.Admission.ApplicationDocument>();
    public DbSet<Features.Contractors.Assessment.AssessmentWeight> AssessmentWeights => Set<Features.Contractors.Assessment.AssessmentWeight>();
    public DbSet<Features.Contractors.Assessment.SanctionPolicy> SanctionPolicies => Set<Features.Contractors.Assessment.SanctionPolicy>();
    public DbSet<Features.Contractors.Assessment.SanctionProposal> SanctionProposals => Set<Features.Contractors.Assessment.SanctionProposal>();
    public DbSet<Features.Contractors.SpotChecks.SpotCheckDraw> SpotCheckDraws => Set<Features.Contractors.SpotChecks.SpotCheckDraw>();
    public DbSet<Features.Contractors.SpotChecks.SpotCheckItem> SpotCheckItems => Set<Features.Contractors.SpotChecks.SpotCheckItem>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<AnnualBudget> AnnualBudgets => Set<AnnualBudget>();
    public DbSet<YearSetting> YearSettings => Set<YearSetting>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<CommunityPopulation> CommunityPopulations => Set<CommunityPopulation>();
    public DbSet<Jobs.Job> Jobs => Set<Jobs.Job>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Privacy.AppSecret> AppSecrets => Set<Privacy.AppSecret>();
    public DbSet<Sms.SmsOutboxMessage> SmsOutbox => Set<Sms.SmsOutboxMessage>();
    public DbSet<Sms.PhoneCode> PhoneCodes => Set<Sms.PhoneCode>();
    public DbSet<RateLimits.RateLimitWindow> RateLimitWindows => Set<RateLimits.RateLimitWindow>();
    // Delivery and supervision
    public DbSet<Features.Delivery.Contract> Contracts => Set<Features.Delivery.Contract>();
    public DbSet<Features.Delivery.Milestone> Milestones => Set<Features.Delivery.Milestone>();
    public DbSet<Features.Delivery.ActivitySession> ActivitySessions => Set<Features.Delivery.ActivitySession>();
    public DbSet<Features.Delivery.Attendance> Attendances => Set<Features.Delivery.Attendance>();
    public DbSet<Features.Delivery.ProgressRecord> ProgressRecords => Set<Features.Delivery.ProgressRecord>();
    public DbSet<Features.Delivery.EvidenceFile> EvidenceFiles => Set<Features.Delivery.EvidenceFile>();
    public DbSet<Features.Participants.Participant> Participants => Set<Features.Participants.Participant>();
    // Satisfaction surveys
    public DbSet<Features.Surveys.Survey> Surveys => Set<Features.Surveys.Survey>();
    public DbSet<Features.Surveys.SurveyInvitation> SurveyInvitations => Set<Features.Surveys.SurveyInvitation>();
    public DbSet<Features.Surveys.SurveyResponse> SurveyResponses => Set<Features.Surveys.SurveyResponse>();
    public DbSet<Features.Surveys.SurveyQuestion> SurveyQuestions => Set<Features.Surveys.SurveyQuestion>();
    public DbSet<Features.Surveys.SurveyItem> SurveyItems => Set<Features.Surveys.SurveyItem>();
    public DbSet<Features.Surveys.SurveyItemAnswer> SurveyItemAnswers => Set<Features.Surveys.SurveyItemAnswer>();
    public DbSet<Features.Surveys.SurveySetting> SurveySettings => Set<Features.Surveys.SurveySetting>();
    public DbSet<Features.Surveys.Rectification> Rectifications => Set<Features.Surveys.Rectification>();
    public DbSet<Features.Inspections.Inspection> Inspections => Set<Features.Inspections.Inspection>();
    public DbSet<Features.Acceptance.AcceptanceRecord> AcceptanceRecords => Set<Features.Acceptance.AcceptanceRecord>();
    public DbSet<Features.Deviations.DeviationFlag> DeviationFlags => Set<Features.Deviations.DeviationFlag>();

    // From proposal to approved project (issue 5)
    public DbSet<Features.Proposals.PerformanceTarget> PerformanceTargets => Set<Features.Proposals.PerformanceTarget>();
    public DbSet<Features.Proposals.ProposalDetails> ProposalDetails => Set<Features.Proposals.ProposalDetails>();
    public DbSet<Features.Proposals.NegativeListRule> NegativeListRules => Set<Features.Proposals.NegativeListRule>();
    public DbSet<Features.Proposals.ProjectTypeCap> ProjectTypeCaps => Set<Features.Proposals.ProjectTypeCap>();
    public DbSet<Features.Screening.Rubric> Rubrics => Set<Features.Screening.Rubric>();
    public DbSet<Features.Screening.RubricCriterion> RubricCriteria => Set<Features.Screening.RubricCriterion>();
    public DbSet<Features.Council.CouncilSession> CouncilSessions => Set<Features.Council.CouncilSession>();
    public DbSet<Features.Council.CouncilMember> CouncilMembers => Set<Features.Council.CouncilMember>();
    public DbSet<Features.Council.CouncilScoreSheet> CouncilScoreSheets => Set<Features.Council.CouncilScoreSheet>();
    public DbSet<Features.Council.CouncilScoreItem> CouncilScoreItems => Set<Features.Council.CouncilScoreItem>();
    public DbSet<Features.Selection.SelectionRun> SelectionRuns => Set<Features.Selection.SelectionRun>();
    public DbSet<Features.Selection.SelectionDecision> SelectionDecisions => Set<Features.Selection.SelectionDecision>();
    public DbSet<Features.Publicity.PublicityNotice> PublicityNotices => Set<Features.Publicity.PublicityNotice>();
    public DbSet<Features.Publicity.Objection> Objections => Set<Features.Publicity.Objection>();
    public DbSet<ProjectDecision> ProjectDecisions => Set<ProjectDecision>();
    public DbSet<Features.Publicity.PublicitySetting> PublicitySettings => Set<Features.Publicity.PublicitySetting>();
    public DbSet<Features.Voting.Ballot> Ballots => Set<Features.Voting.Ballot>();
    public DbSet<Features.Voting.Vote> Votes => Set<Features.Voting.Vote>();
    public DbSet<Features.Voting.VoteChoice> VoteChoices => Set<Features.Voting.VoteChoice>();

    // Value for money and upkeep (issue 10)
    public DbSet<Features.CostBenchmarking.CostNorm> CostNorms => Set<Features.CostBenchmarking.CostNorm>();
    public DbSet<Features.CostBenchmarking.CostSetting> CostSettings => Set<Features.CostBenchmarking.CostSetting>();
    public DbSet<Features.CostBenchmarking.SimilarMatch> SimilarMatches => Set<Features.CostBenchmarking.SimilarMatch>();
    public DbSet<Features.CostBenchmarking.CostApprovalReason> CostApprovalReasons => Set<Features.CostBenchmarking.CostApprovalReason>();
    public DbSet<Features.Maintenance.Asset> Assets => Set<Features.Maintenance.Asset>();
    public DbSet<Features.Maintenance.AssetRecord> AssetRecords => Set<Features.Maintenance.AssetRecord>();
    public DbSet<Features.Maintenance.AssetPhoto> AssetPhotos => Set<Features.Maintenance.AssetPhoto>();
    // Demand mining (issue 4)
    public DbSet<Features.Mining.MiningRun> MiningRuns => Set<Features.Mining.MiningRun>();
    public DbSet<Features.Mining.MiningTopic> MiningTopics => Set<Features.Mining.MiningTopic>();
    public DbSet<Features.Mining.MiningTopicRegion> MiningTopicRegions => Set<Features.Mining.MiningTopicRegion>();
    public DbSet<Features.Mining.MiningItem> MiningItems => Set<Features.Mining.MiningItem>();
    public DbSet<Features.Mining.DemandReferral> DemandReferrals => Set<Features.Mining.DemandReferral>();
    public DbSet<Features.Mining.CategoryCorrection> CategoryCorrections => Set<Features.Mining.CategoryCorrection>();
    public DbSet<Features.Mining.ClassifierVersion> ClassifierVersions => Set<Features.Mining.ClassifierVersion>();
    public DbSet<Features.Mining.DuplicateDecision> DuplicateDecisions => Set<Features.Mining.DuplicateDecision>();
    public DbSet<Features.Mining.SegmentationTerm> SegmentationTerms => Set<Features.Mining.SegmentationTerm>();
    public DbSet<Features.Mining.PairModelVersion> PairModelVersions => Set<Features.Mining.PairModelVersion>();
    public DbSet<Features.Maintenance.InspectionInterval> InspectionIntervals => Set<Features.Maintenance.InspectionInterval>();

    // The query filters read these per query, so one model serves every user.
    private bool ScopeReadAll => Scope.ReadAll;
    private int[] ScopeRegionIds => Scope.RegionIds;
    private int? ScopeContractorId => Scope.ContractorId;
    private string? ScopeUserId => Scope.UserId;
    private string? ScopePhoneHash => Scope.PhoneHash;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(2000);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WeishiDbContext).Assembly,
            t => t.Namespace?.StartsWith("Weishi.Web", StringComparison.Ordinal) == true);
        ApplyScopeFilters(builder);
    }

    private void ApplyScopeFilters(ModelBuilder builder)
    {
        builder.Entity<Project>().HasQueryFilter(p =>
            ScopeReadAll || ScopeRegionIds.Contains(p.RegionId)
            || (ScopeContractorId != null && p.ContractorId == ScopeContractorId));
        builder.Entity<BudgetLine>().HasQueryFilter(l =>
            ScopeReadAll || ScopeRegionIds.Contains(l.Project!.RegionId)
            || (ScopeContractorId != null && l.Project!.ContractorId == ScopeContractorId));
        builder.Entity<Disbursement>().HasQueryFilter(d =>
            ScopeReadAll || ScopeRegionIds.Contains(d.Project!.RegionId)
            || (ScopeContractorId != null && d.Project!.ContractorId == ScopeContractorId));
        builder.Entity<AnnualBudget>().HasQueryFilter(b => ScopeReadAll || ScopeRegionIds.Contains(b.RegionId));
        builder.Entity<Demand>().HasQueryFilter(d =>
            ScopeReadAll || ScopeRegionIds.Contains(d.RegionId)
            || (ScopeUserId != null && d.SubmittedByUserId == ScopeUserId)
            || (ScopePhoneHash != null && d.ContactPhoneHash == ScopePhoneHash));
        // Demand collection
        builder.Entity<CommunityPopulation>().HasQueryFilter(p => ScopeReadAll || ScopeRegionIds.Contains(p.RegionId));
        builder.Entity<Contractor>().HasQueryFilter(c => ScopeContractorId == null || c.Id == ScopeContractorId);

        // From proposal to approved project (issue 5): rows of a project or a community session follow their region.
        // Rubrics, the negative list and caps are district-wide and public. Objections are filtered through their
        // project; the public portal reads them with its own filter.
        builder.Entity<Features.Proposals.PerformanceTarget>().HasQueryFilter(t =>
            ScopeReadAll || ScopeRegionIds.Contains(t.Project!.RegionId)
            || (ScopeContractorId != null && t.Project!.ContractorId == ScopeContractorId));
        builder.Entity<Features.Proposals.ProposalDetails>().HasQueryFilter(d =>
            ScopeReadAll || ScopeRegionIds.Contains(d.Project!.RegionId)
            || (ScopeContractorId != null && d.Project!.ContractorId == ScopeContractorId));
        builder.Entity<Features.Council.CouncilSession>().HasQueryFilter(s => ScopeReadAll || ScopeRegionIds.Contains(s.RegionId));
        builder.Entity<Features.Council.CouncilMember>().HasQueryFilter(m => ScopeReadAll || ScopeRegionIds.Contains(m.RegionId));
        builder.Entity<Features.Council.CouncilScoreSheet>().HasQueryFilter(s => ScopeReadAll || ScopeRegionIds.Contains(s.RegionId));
        builder.Entity<Features.Selection.SelectionRun>().HasQueryFilter(r => ScopeReadAll || ScopeRegionIds.Contains(r.RegionId));
        builder.Entity<Features.Publicity.PublicityNotice>().HasQueryFilter(n => ScopeReadAll || ScopeRegionIds.Contains(n.Project!.RegionId));
        builder.Entity<Features.Publicity.Objection>().HasQueryFilter(o => ScopeReadAll || ScopeRegionIds.Contains(o.Project!.RegionId));
        builder.Entity<ProjectDecision>().HasQueryFilter(d => ScopeReadAll || ScopeRegionIds.Contains(d.Project!.RegionId)
            || (ScopeContractorId != null && d.Project!.ContractorId == ScopeContractorId));
        builder.Entity<Features.Voting.Ballot>().HasQueryFilter(b => ScopeReadAll || ScopeRegionIds.Contains(b.RegionId));
        // Dependents filtered like their principals (EF warns otherwise): a decision and a ballot option through their
        // project (same community as the run or ballot), a vote through its ballot. The public vote page reads
        // options and counts with IgnoreQueryFilters for one public ballot.
        builder.Entity<Features.Selection.SelectionDecision>().HasQueryFilter(d =>
            ScopeReadAll || ScopeRegionIds.Contains(d.Project!.RegionId)
            || (ScopeContractorId != null && d.Project!.ContractorId == ScopeContractorId));
        builder.Entity<Features.Voting.BallotOption>().HasQueryFilter(o =>
            ScopeReadAll || ScopeRegionIds.Contains(o.Project!.RegionId)
            || (ScopeContractorId != null && o.Project!.ContractorId == ScopeContractorId));
        builder.Entity<Features.Voting.Vote>().HasQueryFilter(v => ScopeReadAll || ScopeRegionIds.Contains(v.Ballot!.RegionId));
        builder.Entity<Features.Voting.VoteChoice>().HasQueryFilter(c => ScopeReadAll || ScopeRegionIds.Contains(c.Vote!.Ballot!.RegionId));
        builder.Entity<Features.Council.CouncilScoreItem>().HasQueryFilter(i => ScopeReadAll || ScopeRegionIds.Contains(i.Sheet!.RegionId));
        // Contractors (issue 9): a contractor user sees only its own registry records, applications and spot checks.
        builder.Entity<ContractorStaff>().HasQueryFilter(x => ScopeContractorId == null || x.ContractorId == ScopeContractorId);
        builder.Entity<ContractorViolation>().HasQueryFilter(x => ScopeContractorId == null || x.ContractorId == ScopeContractorId);
        builder.Entity<DeclaredProject>().HasQueryFilter(x => ScopeContractorId == null || x.ContractorId == ScopeContractorId);
        builder.Entity<ContractorSanction>().HasQueryFilter(x => ScopeContractorId == null || x.ContractorId == ScopeContractorId);
        builder.Entity<Features.Contractors.Assessment.SanctionProposal>().HasQueryFilter(x => ScopeContractorId == null || x.ContractorId == ScopeContractorId);
        builder.Entity<ContractorChangeRequest>().HasQueryFilter(x => ScopeContractorId == null || x.ContractorId == ScopeContractorId);
        builder.Entity<Features.Contractors.Admission.AdmissionApplication>().HasQueryFilter(x =>
            ScopeContractorId == null || x.ContractorId == ScopeContractorId);
        builder.Entity<Features.Contractors.Admission.ApplicationDocument>().HasQueryFilter(x =>
            ScopeContractorId == null || x.Application!.ContractorId == ScopeContractorId);
        builder.Entity<Features.Contractors.SpotChecks.SpotCheckItem>().HasQueryFilter(i =>
            ScopeReadAll || ScopeRegionIds.Contains(i.Project!.RegionId)
            || (ScopeContractorId != null && i.Project!.ContractorId == ScopeContractorId));
        // Delivery and supervision: every record follows its project's region or contractor.
        // Participants are a district-wide pseudonymous register and are only listed through attendances.
        ProjectRecordFilter<Features.Delivery.Contract>(builder);
        ProjectRecordFilter<Features.Delivery.Milestone>(builder);
        ProjectRecordFilter<Features.Delivery.ActivitySession>(builder);
        ProjectRecordFilter<Features.Delivery.Attendance>(builder);
        ProjectRecordFilter<Features.Delivery.ProgressRecord>(builder);
        ProjectRecordFilter<Features.Delivery.EvidenceFile>(builder);
        ProjectRecordFilter<Features.Inspections.Inspection>(builder);
        ProjectRecordFilter<Features.Acceptance.AcceptanceRecord>(builder);
        // Satisfaction surveys: follow the project's region or contractor, like delivery records.
        ProjectRecordFilter<Features.Surveys.Survey>(builder);
        ProjectRecordFilter<Features.Surveys.SurveyInvitation>(builder);
        ProjectRecordFilter<Features.Surveys.SurveyResponse>(builder);
        // The question bank and settings are district-wide; composed items, item scores and rectifications follow the project.
        ProjectRecordFilter<Features.Surveys.SurveyItem>(builder);
        ProjectRecordFilter<Features.Surveys.SurveyItemAnswer>(builder);
        ProjectRecordFilter<Features.Surveys.Rectification>(builder);
        builder.Entity<Features.Deviations.DeviationFlag>().HasQueryFilter(f =>
            ScopeReadAll || ScopeRegionIds.Contains(f.RegionId)
            || (ScopeContractorId != null && f.Project!.ContractorId == ScopeContractorId));
        // Value for money and upkeep (issue 10): match verdicts, approval reasons and assets follow their project's region.
        builder.Entity<Features.CostBenchmarking.SimilarMatch>().HasQueryFilter(m => ScopeReadAll || ScopeRegionIds.Contains(m.Project!.RegionId));
        builder.Entity<Features.CostBenchmarking.CostApprovalReason>().HasQueryFilter(r => ScopeReadAll || ScopeRegionIds.Contains(r.Project!.RegionId));
        builder.Entity<Features.Maintenance.Asset>().HasQueryFilter(a => ScopeReadAll || ScopeRegionIds.Contains(a.RegionId));
        builder.Entity<Features.Maintenance.AssetRecord>().HasQueryFilter(r => ScopeReadAll || ScopeRegionIds.Contains(r.Asset!.RegionId));
        builder.Entity<Features.Maintenance.AssetPhoto>().HasQueryFilter(p => ScopeReadAll || ScopeRegionIds.Contains(p.Record!.Asset!.RegionId));
        // Performance evaluation (issue 8): district evaluations are read by the district-wide roles; a community's
        // self-evaluation also by that community (and its subdistrict). Its parts follow the evaluation.
        builder.Entity<Features.Evaluation.PerformanceEvaluation>().HasQueryFilter(e =>
            ScopeReadAll || (e.OwnerRegionId != null && ScopeRegionIds.Contains(e.OwnerRegionId.Value)));
        builder.Entity<Features.Evaluation.EvaluationScore>().HasQueryFilter(s =>
            ScopeReadAll || (s.Evaluation!.OwnerRegionId != null && ScopeRegionIds.Contains(s.Evaluation.OwnerRegionId.Value)));
        builder.Entity<Features.Evaluation.EvaluationRecommendation>().HasQueryFilter(r =>
            ScopeReadAll || (r.Evaluation!.OwnerRegionId != null && ScopeRegionIds.Contains(r.Evaluation.OwnerRegionId.Value)));
        builder.Entity<Features.Evaluation.EvaluationEvidence>().HasQueryFilter(f =>
            ScopeReadAll || (f.ScoreRow!.Evaluation!.OwnerRegionId != null && ScopeRegionIds.Contains(f.ScoreRow.Evaluation.OwnerRegionId.Value)));
        // Demand mining (issue 4): a run and its topics and items are seen by the staff of the region it was run for;
        // referrals, corrections and duplicate decisions follow the (first) need's community. Model versions are
        // district-wide figures.
        builder.Entity<Features.Mining.MiningRun>().HasQueryFilter(r => ScopeReadAll || ScopeRegionIds.Contains(r.RegionId));
        builder.Entity<Features.Mining.MiningTopic>().HasQueryFilter(t => ScopeReadAll || ScopeRegionIds.Contains(t.Run!.RegionId));
        builder.Entity<Features.Mining.MiningTopicRegion>().HasQueryFilter(p => ScopeReadAll || ScopeRegionIds.Contains(p.Run!.RegionId));
        builder.Entity<Features.Mining.MiningItem>().HasQueryFilter(i => ScopeReadAll || ScopeRegionIds.Contains(i.Run!.RegionId));
        builder.Entity<Features.Mining.DemandReferral>().HasQueryFilter(r => ScopeReadAll || ScopeRegionIds.Contains(r.RegionId));
        builder.Entity<Features.Mining.CategoryCorrection>().HasQueryFilter(c => ScopeReadAll || ScopeRegionIds.Contains(c.RegionId));
        builder.Entity<Features.Mining.DuplicateDecision>().HasQueryFilter(d => ScopeReadAll || ScopeRegionIds.Contains(d.RegionId));
    }

    private void ProjectRecordFilter<T>(ModelBuilder builder) where T : class, IProjectRecord
    {
        var record = System.Linq.Expressions.Expression.Parameter(typeof(T), "r");
        var project = System.Linq.Expressions.Expression.Property(record, "Project");
        System.Linq.Expressions.Expression<Func<Project, bool>> visible = p =>
            ScopeReadAll || ScopeRegionIds.Contains(p.RegionId)
            || (ScopeContractorId != null && p.ContractorId == ScopeContractorId);
        var body = new ReplaceParameter(visible.Parameters[0], project).Visit(visible.Body);
        builder.Entity<T>().HasQueryFilter(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, record));
    }

    private sealed class ReplaceParameter(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.Expression to)
        : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) =>
            node == from ? to : base.VisitParameter(node);
    }
}
