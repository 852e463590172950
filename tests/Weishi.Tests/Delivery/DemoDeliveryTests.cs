using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Delivery;

/// <summary>The demo's delivery records carry the report's patterns.</summary>
[Collection(DemoCollection.Name)]
public class DemoDeliveryTests(DemoApp app)
{
    [Theory]
    [InlineData(2021)]
    [InlineData(2023)]
    public async Task The_demo_years_have_one_off_services_concentrated_communities_and_shortfalls(int year)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var service = await db.Projects.Where(p => p.Year == year && p.Type == ProjectType.Service && p.Code.StartsWith(year + "-PS-"))
            .Select(p => new { p.IsOneOff, p.PlannedBeneficiaries, Sessions = db.ActivitySessions.Count(s => s.ProjectId == p.Id),
                Unique = db.Attendances.Where(a => a.ProjectId == p.Id).Select(a => a.ParticipantId).Distinct().Count() }).ToListAsync();
        Assert.True(service.Count(p => p.IsOneOff) * 2 > service.Count, "more than half of service projects are one-off");
        Assert.All(service.Where(p => p.IsOneOff), p => Assert.Equal(1, p.Sessions));
        var shortfall = service.Count(p => p.Unique < p.PlannedBeneficiaries);
        Assert.InRange(shortfall, 1, service.Count - 1);

        var figures = await scope.ServiceProvider.GetRequiredService<ConcentrationQuery>().ForYearAsync(year);
        Assert.True(figures.Values.Max(f => f.Gini) - figures.Values.Min(f => f.Gini) > 0.2m, "some communities are far more concentrated than others");
        Assert.True(await db.Inspections.AnyAsync(i => i.Project!.Year == year && !i.ContentMatchesDeclaration));
    }
}
