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

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Contractor> Contractors => Set<Contractor>();
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
        // Demand collection
        builder.Entity<CommunityPopulation>().HasQueryFilter(p => ScopeReadAll || ScopeRegionIds.Contains(p.RegionId));
        builder.Entity<Contractor>().HasQueryFilter(c => ScopeContractorId == null || c.Id == ScopeContractorId);
    }
}
