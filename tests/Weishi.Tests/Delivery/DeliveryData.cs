using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Delivery;

/// <summary>Projects in delivery for the tests: in 汤坑社区 (碧岭街道) and far-future years, with a contract and sessions.</summary>
public static class DeliveryData
{
    public const string TangKeng = "440310003002";
    public const string TangKengUser = "cs-tk";
    public const string BiLingUser = "sd-bl";

    public static WeishiDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<WeishiDbContext>();

    public static async Task<int> ContractorIdAsync(WeishiAppFactory factory, string user = "contractor")
    {
        using var scope = factory.Services.CreateScope();
        return await Db(scope).RoleAssignments.Where(a => a.User!.UserName == user).Select(a => a.ContractorId!.Value).SingleAsync();
    }

    /// <summary>
    /// Test projects lie in far-future years so that each test has a community budget of its own; a date entered for one
    /// (payment, inspection, acceptance, progress) may not be after today, so such a test runs on 20 December of the
    /// project's year until the handle is disposed. Sign in after this call.
    /// </summary>
    public static IDisposable LateInYear(WeishiAppFactory factory, int year) => factory.Clock.AdvanceTo(new DateOnly(year, 12, 20));

    /// <summary>A project in progress with a contract for the given contractor (the demo contractor by default).</summary>
    public static async Task<int> ProjectAsync(WeishiAppFactory factory, int year, long budgetFen = 100_000_00, ProjectStatus status = ProjectStatus.InProgress,
        int? contractorId = null, string community = TangKeng, DateOnly? start = null, int plannedSessions = 10, int plannedBeneficiaries = 50,
        ProjectType type = ProjectType.Service)
    {
        var id = await TestData.CreateProjectAsync(factory, community, year, budgetFen, status);
        contractorId ??= await ContractorIdAsync(factory);
        using var scope = factory.Services.CreateScope();
        var db = Db(scope);
        var project = await db.Projects.SingleAsync(p => p.Id == id);
        project.ContractorId = contractorId;
        project.PlannedSessions = plannedSessions;
        project.PlannedBeneficiaries = plannedBeneficiaries;
        project.Type = type;
        var from = start ?? new DateOnly(year, 1, 1);
        db.Contracts.Add(new Contract { ProjectId = id, ContractorId = contractorId.Value, AmountFen = budgetFen, SignedOn = from, StartOn = from, EndOn = from.AddDays(300) });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A session of the project running now (or ended when asked); returns its id and sign-in token.</summary>
    /// <param name="startsIn">When the session starts, from now; by default it started an hour ago (or, ended, three).</param>
    public static async Task<(int Id, string Token)> SessionAsync(WeishiAppFactory factory, int projectId, bool ended = false, DateOnly? heldOn = null,
        TimeSpan? startsIn = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope);
        var now = DateTime.UtcNow;
        var starts = now + (startsIn ?? TimeSpan.FromHours(ended ? -3 : -1));
        var session = new ActivitySession
        {
            ProjectId = projectId,
            HeldOn = heldOn ?? DateOnly.FromDateTime(startsIn is null ? now : starts),
            StartsAtUtc = starts,
            EndsAtUtc = starts.AddHours(ended ? 2 : 3),
            Place = "汤坑社区党群服务中心",
            Content = "长者健康讲座",
            Staff = "社工 张",
            SignInToken = DeliveryServices.NewSignInToken(),
            CreatedAtUtc = now,
        };
        db.ActivitySessions.Add(session);
        await db.SaveChangesAsync();
        return (session.Id, session.SignInToken);
    }

    private static int _phone;

    /// <summary>A fresh valid mobile number per call.</summary>
    public static string NewPhone() => "1570" + (Interlocked.Increment(ref _phone) + Random.Shared.Next(1_000_000, 9_000_000)).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A valid 18-digit ID number with a random sequence part.</summary>
    public static string NewIdNumber()
    {
        var body = "44031019580512" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return body + Weishi.Web.Infrastructure.Privacy.IdNumber.CheckCharacter(body);
    }
}
