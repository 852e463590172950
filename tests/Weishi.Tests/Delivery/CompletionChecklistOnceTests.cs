using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Delivery;

/// <summary>
/// The completion page's post builds <see cref="CompletionChecklist"/> once: it hands the one built for its form to
/// <see cref="CompletionGuard"/>, which checks the step against it. Without one the guard builds its own (any other page).
/// </summary>
[Collection(DemoCollection.Name)]
public class CompletionChecklistOnceTests(DemoApp app)
{
    [Fact]
    public async Task The_guard_checks_the_step_against_the_checklist_it_was_handed_once_and_otherwise_builds_its_own()
    {
        // Nothing planned that could fall short and the contract has ended: the stored data lets both projects complete.
        var id = await DeliveryData.ProjectAsync(app.Factory, 2184, plannedSessions: 0, plannedBeneficiaries: 0);
        var other = await DeliveryData.ProjectAsync(app.Factory, 2184, plannedSessions: 0, plannedBeneficiaries: 0);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2184);
        using var scope = app.Factory.Services.CreateScope();
        var project = await DeliveryData.Db(scope).Projects.AsNoTracking().SingleAsync(p => p.Id == id);
        var built = await scope.ServiceProvider.GetRequiredService<CompletionCheck>().ForAsync(project);
        Assert.Null(built.Blocker);
        Assert.Empty(built.Shortfalls);
        var guard = scope.ServiceProvider.GetRequiredService<CompletionGuard>();
        var transitions = scope.ServiceProvider.GetRequiredService<ProjectTransitions>();

        // A handed checklist is what the step is checked against (here one that differs from the database, to tell them apart) …
        guard.Use(built with { OpenRectifications = 1 });
        Assert.Equal("该项目还有 1 项整改未完成，不能完工", await transitions.MoveAsync(id, ProjectStatus.Completed));
        // … once: the next check builds the checklist from the database.
        Assert.Null(await transitions.MoveAsync(id, ProjectStatus.Completed));
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, id));

        // A checklist of another project is not used.
        guard.Use(built with { OpenRectifications = 1 });
        Assert.Null(await transitions.MoveAsync(other, ProjectStatus.Completed));
    }
}
