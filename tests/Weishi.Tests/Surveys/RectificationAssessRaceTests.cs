using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>
/// 整改判定 on the survey page when two staff click it at the same moment: the project keeps one rectification (unique
/// index on the project) and the click that loses the race is told 本项目已有整改 instead of getting an error page.
/// </summary>
[Collection(DemoCollection.Name)]
public class RectificationAssessRaceTests(DemoApp app)
{
    private const string Community = DeliveryData.TangKengUser;
    private const string Subdistrict = "sd-bl";   // 碧岭街道, TangKeng's subdistrict

    private Task<HttpResponseMessage> AssessAsync(Browser staff, int project) =>
        staff.SubmitAsync($"/Surveys/Project/{project}", [], postUrl: $"/Surveys/Project/{project}?handler=Assess", formSelector: "form[action*=Assess]");

    private async Task<string?> MessageAfterAsync(Browser staff, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (status, page) = await staff.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        return page.QuerySelector("[data-testid=message]")?.TextContent.Trim();
    }

    [Fact]
    public async Task An_assessment_that_loses_the_race_says_the_project_already_has_its_rectification()
    {
        var project = await SurveyTestData.SurveyedAsync(app.Factory, 2070, SurveyTestData.Low(10));
        var staff = await Browser.LoginAsync(app.Factory, Community);
        var colleague = await Browser.LoginAsync(app.Factory, Subdistrict);
        // The colleague's click runs whole between this click's look for a rectification and its save.
        var (own, colleagues) = await app.Factory.RaceAsync(
            db => db.ChangeTracker.Entries<Rectification>().Any(e => e.State == EntityState.Added && e.Entity.ProjectId == project),
            meanwhile: () => AssessAsync(colleague, project),
            request: () => AssessAsync(staff, project));
        Assert.StartsWith("已发起整改：", await MessageAfterAsync(colleague, colleagues));
        Assert.Equal("本项目已有整改", await MessageAfterAsync(staff, own));
        Assert.Equal(1, await Fixtures.QueryAsync(app.Factory, db => db.Rectifications.IgnoreQueryFilters().CountAsync(r => r.ProjectId == project)));
    }
}
