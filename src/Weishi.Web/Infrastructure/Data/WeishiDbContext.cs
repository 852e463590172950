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

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Contractor> Contractors => Set<Contractor>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<AnnualBudget> AnnualBudgets => Set<AnnualBudget>();
    public DbSet<YearSetting> YearSettings => Set<YearSetting>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Privacy.AppSecret> AppSecrets => Set<Privacy.AppSecret>();
    public DbSet<Sms.SmsOutboxMessage> SmsOutbox => Set<Sms.SmsOutboxMessage>();
    // Delivery and supervision
    public DbSet<Features.Delivery.Contract> Contracts => Set<Features.Delivery.Contract>();
    public DbSet<Features.Delivery.Milestone> Milestones => Set<Features.Delivery.Milestone>();
    public DbSet<Features.Delivery.ActivitySession> ActivitySessions => Set<Features.Delivery.ActivitySession>();
    public DbSet<Features.Delivery.Attendance> Attendances => Set<Features.Delivery.Attendance>();
    public DbSet<Features.Delivery.ProgressRecord> ProgressRecords => Set<Features.Delivery.ProgressRecord>();
    public DbSet<Features.Delivery.EvidenceFile> EvidenceFiles => Set<Features.Delivery.EvidenceFile>();
    public DbSet<Features.Participants.Participant> Participants => Set<Features.Participants.Participant>();
    public DbSet<Features.Inspections.Inspection> Inspections => Set<Features.Inspections.Inspection>();
    public DbSet<Features.Acceptance.AcceptanceRecord> AcceptanceRecords => Set<Features.Acceptance.AcceptanceRecord>();
    public DbSet<Features.Deviations.DeviationFlag> DeviationFlags => Set<Features.Deviations.DeviationFlag>();

    // The query filters read these per query, so one model serves every user.
    private bool ScopeReadAll => Scope.ReadAll;
    private int[] ScopeRegionIds => Scope.RegionIds;
    private int? ScopeContractorId => Scope.ContractorId;
    private string? ScopeUserId => Scope.UserId;

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
            || (ScopeUserId != null && d.SubmittedByUserId == ScopeUserId));
        builder.Entity<Contractor>().HasQueryFilter(c => ScopeContractorId == null || c.Id == ScopeContractorId);

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
        builder.Entity<Features.Deviations.DeviationFlag>().HasQueryFilter(f =>
            ScopeReadAll || ScopeRegionIds.Contains(f.RegionId)
            || (ScopeContractorId != null && f.Project!.ContractorId == ScopeContractorId));
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
