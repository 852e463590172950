using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Infrastructure.Data;

public abstract partial class WeishiDbContext
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await EnforceScopeAsync(cancellationToken);
        EnforceTextLengths();
        var pending = AuditRecorder.Capture(ChangeTracker);
        if (ChangeTracker.HasChanges()) await JoinPostTransactionAsync(cancellationToken);
        if (pending.Count == 0 || SuppressRowAudit)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        await using var tx = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var result = await base.SaveChangesAsync(true, cancellationToken);
        AuditEntries.AddRange(AuditRecorder.ToEntries(pending, Scope.UserId, Scope.UserName, Time.GetUtcNow().UtcDateTime));
        await base.SaveChangesAsync(true, cancellationToken);
        if (tx is not null) await tx.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Refuses any added, changed or deleted row outside the user's writable regions.</summary>
    private async Task EnforceScopeAsync(CancellationToken ct)
    {
        if (Scope.WriteAll) return;
        _owners.Clear();
        _evaluationOwners.Clear();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var regions = new List<int>();
            switch (entry.Entity)
            {
                case IRegionScoped scoped:
                    regions.Add(scoped.RegionId);
                    if (entry.State == EntityState.Modified)
                        regions.Add((int)entry.Property(nameof(IRegionScoped.RegionId)).OriginalValue!);
                    break;
                // Rows of a project written by its community. (Objections are lodged by anonymous residents on purpose.)
                case IProjectChild child:
                    regions.Add(await ProjectRegionAsync(child.ProjectId, child.Project, ct));
                    break;
                case Features.Maintenance.AssetRecord record:
                    regions.Add(record.Asset?.RegionId ?? await Assets.IgnoreQueryFilters().Where(a => a.Id == record.AssetId).Select(a => a.RegionId).FirstAsync(ct));
                    break;
                case Features.Contractors.Contractor contractor:
                    EnsureOwnContractor(contractor.Id, entry.State != EntityState.Added && entry.State != EntityState.Deleted);
                    continue;
                case Features.Contractors.IContractorOwned owned:
                    EnsureOwnContractor(owned.ContractorId, true);
                    continue;
                case Features.Contractors.Admission.ApplicationDocument doc:
                    EnsureOwnContractor(doc.Application?.ContractorId ?? await AdmissionApplications.IgnoreQueryFilters()
                        .Where(a => a.Id == doc.ApplicationId).Select(a => a.ContractorId).FirstOrDefaultAsync(ct), true);
                    continue;
                // Delivery and supervision: community/subdistrict staff write records of their regions' projects;
                // a contractor writes activities, progress and answers of its own projects only.
                case IProjectRecord record:
                    if (record is Features.Delivery.Attendance && AllowAnonymousSignIn && entry.State == EntityState.Added) continue;
                    if (record is Features.Surveys.SurveyResponse or Features.Surveys.SurveyItemAnswer && AllowAnonymousSurvey && entry.State == EntityState.Added) continue;
                    var projectIds = new List<int> { record.ProjectId };
                    if (entry.State == EntityState.Modified)
                        projectIds.Add((int)entry.Property(nameof(IProjectRecord.ProjectId)).OriginalValue!);
                    foreach (var projectId in projectIds)
                    {
                        var owner = await ProjectOwnerAsync(projectId, ct);
                        if (record is IContractorWritable && Scope.ContractorId != null && owner.ContractorId == Scope.ContractorId) continue;
                        regions.Add(owner.RegionId);
                    }
                    break;
                // Performance evaluation (issue 8): district evaluations are the finance bureau's; a self-evaluation its community's.
                case Features.Evaluation.PerformanceEvaluation or Features.Evaluation.IEvaluationPart:
                    foreach (var owner in await Features.Evaluation.EvaluationOwnership.OwnersAsync(this, entry, ct))
                        if (!Features.Evaluation.EvaluationAccess.CanEditOwner(Scope, owner))
                            throw new ScopeViolationException(owner is null ? "只有区财政评价组或区主管部门可以修改全区绩效评价" : "您无权修改其他社区或街道的数据");
                    continue;
                default:
                    continue;
            }
            if (regions.Any(r => !Scope.CanWrite(r)))
                throw new ScopeViolationException("您无权修改其他社区或街道的数据");
        }
    }

    /// <summary>Contractors (issue 9): outside the district, only a contractor user changes its own records.</summary>
    private void EnsureOwnContractor(int contractorId, bool allowed)
    {
        if (!allowed || Scope.ContractorId is not { } own || own != contractorId)
            throw new ScopeViolationException("您无权修改其他承接单位的数据");
    }

    private readonly Dictionary<int, (int RegionId, int? ContractorId)> _owners = [];

    private async Task<(int RegionId, int? ContractorId)> ProjectOwnerAsync(int projectId, CancellationToken ct)
    {
        if (_owners.TryGetValue(projectId, out var known)) return known;
        var owner = await Projects.IgnoreQueryFilters().Where(p => p.Id == projectId)
            .Select(p => new { p.RegionId, p.ContractorId }).FirstOrDefaultAsync(ct);
        // A record of a project that does not exist belongs to nobody: refused below (region 0).
        return _owners[projectId] = owner is null ? (0, null) : (owner.RegionId, owner.ContractorId);
    }

    private readonly Dictionary<int, int?> _evaluationOwners = [];

    /// <summary>The community that owns an evaluation (null: the district's), once per save however many parts change;
    /// an evaluation that does not exist belongs to nobody (region 0).</summary>
    internal async Task<int?> EvaluationOwnerAsync(int evaluationId, CancellationToken ct)
    {
        if (_evaluationOwners.TryGetValue(evaluationId, out var known)) return known;
        var owner = await Set<Features.Evaluation.PerformanceEvaluation>().IgnoreQueryFilters().Where(e => e.Id == evaluationId)
            .Select(e => new { e.OwnerRegionId }).FirstOrDefaultAsync(ct);
        return _evaluationOwners[evaluationId] = owner is null ? 0 : owner.OwnerRegionId;
    }

    private async Task<int> ProjectRegionAsync(int projectId, Project? loaded, CancellationToken ct) =>
        loaded?.RegionId ?? await Projects.IgnoreQueryFilters()
            .Where(p => p.Id == projectId).Select(p => p.RegionId).FirstOrDefaultAsync(ct);
}
