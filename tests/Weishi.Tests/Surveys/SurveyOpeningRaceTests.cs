using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>
/// A project has one survey (unique index on the project). Two clicks on 开启测评 at the same moment store one; the one
/// that loses gives way to it and shows the page with a note instead of an error.
/// </summary>
[Collection(DemoCollection.Name)]
public class SurveyOpeningRaceTests(DemoApp app)
{
    private Task<List<int>> SurveyIdsAsync(int project) =>
        Fixtures.QueryAsync(app.Factory, db => db.Surveys.IgnoreQueryFilters().Where(s => s.ProjectId == project).Select(s => s.Id).ToListAsync());

    [Fact]
    public async Task An_open_that_loses_the_race_gives_way_to_the_survey_stored_first()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2062, status: ProjectStatus.Completed);
        // Another request stores the project's survey between this one's look for it and its save.
        var other = new OtherRequestOpens(app.Factory, project);
        using var scope = app.Factory.Services.CreateScope();
        await using var db = app.Factory.SystemContextWith(scope, other);

        var (survey, opened) = await SurveyOpening.OpenAsync(db, project, default);

        Assert.NotNull(other.StoredId);
        Assert.False(opened);
        Assert.Equal(other.StoredId.Value, survey.Id);
        Assert.Equal([other.StoredId.Value], await SurveyIdsAsync(project));
        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);   // later saves of this context go on
    }

    [Fact]
    public async Task Opening_a_survey_already_open_shows_it_with_a_note()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2062, status: ProjectStatus.Completed);
        var first = await Fixtures.QueryAsync(app.Factory, db => SurveyOpening.EnsureOpenAsync(db, project, default));
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);

        var again = await staff.SubmitAsync($"/Surveys/Project/{project}", [], postUrl: $"/Surveys/Project/{project}?handler=Open");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (status, page) = await staff.GetAsync(again.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("本项目已开启测评", page.QuerySelector("[data-testid=message]")?.TextContent.Trim());
        Assert.Contains($"/Survey/{first.PublicToken}", page.Body!.InnerHtml);
        Assert.Equal([first.Id], await SurveyIdsAsync(project));
    }

    /// <summary>
    /// Before the open's save of the project's survey begins its transaction, "another request" stores one on a context
    /// of its own (during the transaction SQLite would make it wait for this one).
    /// </summary>
    private sealed class OtherRequestOpens(WeishiAppFactory factory, int project) : DbTransactionInterceptor
    {
        public int? StoredId { get; private set; }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (StoredId is null && eventData.Context!.ChangeTracker.Entries<Survey>().Any(e => e.State == EntityState.Added && e.Entity.ProjectId == project))
            {
                using var scope = factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<Weishi.Web.Infrastructure.Data.WeishiDbContext>();
                StoredId = (await SurveyOpening.EnsureOpenAsync(db, project, cancellationToken)).Id;
            }
            return result;
        }
    }
}
