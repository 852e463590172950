using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Surveys;

/// <summary>Surveyed projects in 汤坑社区 and far-future years, with answer sheets written straight to the database.</summary>
public static class SurveyTestData
{
    /// <summary>A delivered project (no register, so its beneficiaries are the planned ones) with an open survey and the given overall scores.</summary>
    public static async Task<int> SurveyedAsync(WeishiAppFactory factory, int year, int[] overall, int plannedBeneficiaries = 10,
        int? contractorId = null, ProjectCategory category = ProjectCategory.Elderly, string community = DeliveryData.TangKeng, int? metNeed = null)
    {
        var id = await DeliveryData.ProjectAsync(factory, year, status: ProjectStatus.Completed, plannedBeneficiaries: plannedBeneficiaries,
            contractorId: contractorId, community: community);
        using var scope = factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var project = await db.Projects.SingleAsync(p => p.Id == id);
        project.Category = category;
        var survey = await SurveyOpening.EnsureOpenAsync(db, id, default);
        var start = survey.ServiceStartUtc;
        for (var i = 0; i < overall.Length; i++)
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = survey.Id, ProjectId = id, Overall = overall[i], MetNeed = metNeed ?? overall[i], WouldJoinAgain = i % 2 == 0,
                KnewBefore = i % 3 == 0, Comment = i % 2 == 0 ? "活动时间安排太早了" : null, SubmittedAtUtc = start.AddDays(1 + i), ClientKey = $"t{i:x8}",
            });
        await db.SaveChangesAsync();
        return id;
    }


    /// <summary>Clicks 发放一人一码 on the survey page: the post must queue a job and go to its page; returns the job once it finished.</summary>
    public static async Task<Job> InviteAsync(WeishiAppFactory factory, Browser staff, int projectId)
    {
        var response = await PostInviteAsync(staff, projectId);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return await Demands.DemandHelpers.WaitForJobAsync(factory, JobIdOf(response));
    }

    public static Task<HttpResponseMessage> PostInviteAsync(Browser staff, int projectId) =>
        staff.SubmitAsync($"/Surveys/Project/{projectId}", [], postUrl: $"/Surveys/Project/{projectId}?handler=Invite", formSelector: "form[action*=Invite]");

    /// <summary>The job a post redirected to.</summary>
    public static int JobIdOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.StartsWith("/Jobs/Detail/", location);
        return int.Parse(location["/Jobs/Detail/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int[] Low(int n) => Enumerable.Range(0, n).Select(i => new[] { 2, 3, 4, 3, 2 }[i % 5]).ToArray();
    public static int[] Healthy(int n) => Enumerable.Range(0, n).Select(i => new[] { 5, 4, 5, 4, 5, 4, 5, 5, 4, 5 }[i % 10]).ToArray();

    public static async Task<int> OtherContractorAsync(WeishiAppFactory factory)
    {
        var own = await DeliveryData.ContractorIdAsync(factory);
        using var scope = factory.Services.CreateScope();
        return await DeliveryData.Db(scope).Contractors.Where(c => c.Id != own).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }
}
