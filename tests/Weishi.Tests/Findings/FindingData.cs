using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Findings;

/// <summary>
/// Crafted rows for the detector tests, each test in its own far-future year (2137–2170, used by no other tests) so
/// that the demo and the other tests' rows never fall into its scope.
/// </summary>
public static class FindingData
{
    public const string TangKeng = "440310003002";   // 汤坑社区 (cs-tk)

    public static async Task<Finding?> DetectAsync(WeishiAppFactory factory, string type, EvaluationScope scope)
    {
        using var s = factory.Services.CreateScope();
        var detector = s.ServiceProvider.GetServices<IFindingDetector>().Single(d => d.Type == type);
        return await detector.DetectAsync(scope, CancellationToken.None);
    }

    public static EvaluationScope Year(int year) => new(year, year, [], []);

    public static async Task<int> ProjectAsync(WeishiAppFactory factory, int year, ProjectType type = ProjectType.Service,
        ProjectStatus status = ProjectStatus.Completed, bool oneOff = false, int planned = 10, string community = Fixtures.LiuLian,
        string? name = null, long budgetFen = 10_000_00)
    {
        var id = await TestData.CreateProjectAsync(factory, community, year, budgetFen, status);
        await Fixtures.ExecAsync(factory, async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == id);
            p.Type = type;
            p.IsOneOff = oneOff;
            p.PlannedBeneficiaries = planned;
            p.PlannedSessions = 1;
            if (name is not null) p.Name = name;
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A session of the project with the given people signed in (new participants are created for "new" slots).</summary>
    public static async Task<List<int>> SessionAsync(WeishiAppFactory factory, int projectId, int newPeople, IEnumerable<int>? returning = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        var people = Enumerable.Range(0, newPeople).Select(i => new Participant { Name = $"测试居民{i}", FirstSeenAtUtc = DateTime.UtcNow }).ToList();
        db.Participants.AddRange(people);
        var start = new DateTime(project.Year, 5, 1, 2, 0, 0, DateTimeKind.Utc);
        var session = new ActivitySession
        {
            ProjectId = projectId, HeldOn = DateOnly.FromDateTime(start), StartsAtUtc = start, EndsAtUtc = start.AddHours(2),
            Place = "党群服务中心", Content = "活动", Staff = "社工", SignInToken = DeliveryServices.NewSignInToken(), CreatedAtUtc = start,
        };
        db.ActivitySessions.Add(session);
        await db.SaveChangesAsync();
        var ids = people.Select(p => p.Id).Concat(returning ?? []).ToList();
        db.Attendances.AddRange(ids.Select(pid => new Attendance
        {
            SessionId = session.Id, ProjectId = projectId, RegionId = project.RegionId, Year = project.Year, ParticipantId = pid, SignedInAtUtc = start,
        }));
        await db.SaveChangesAsync();
        return ids;
    }
}
