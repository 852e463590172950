using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Contractors.Admission;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>The proposal form does not offer a contractor suspended today; naming one anyway is still refused.</summary>
[Collection(DemoCollection.Name)]
public class SuspendedContractorChoiceTests(DemoApp app)
{
    [Fact]
    public async Task A_suspended_contractor_is_not_in_the_drop_down_and_is_still_refused_on_saving()
    {
        var today = DateOnly.FromDateTime(app.Factory.Clock.GetUtcNow().UtcDateTime);
        var (suspended, name) = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var s = (await db.ContractorSanctions.IgnoreQueryFilters().AsNoTracking()
                .Where(x => x.Kind == SanctionKind.Suspension).ToListAsync()).First(x => x.ActiveOn(today));
            return (s.ContractorId, await db.Contractors.IgnoreQueryFilters().Where(c => c.Id == s.ContractorId).Select(c => c.Name).SingleAsync());
        });
        // A category the suspended contractor was admitted for, so only its suspension keeps it off the list.
        var (category, free) = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var admitted = await db.AdmissionApplications.IgnoreQueryFilters()
                .Where(a => a.Status == ApplicationStatus.Admitted).Select(a => new { a.ContractorId, a.Category }).ToListAsync();
            var sanctioned = await db.ContractorSanctions.IgnoreQueryFilters().Select(x => x.ContractorId).ToListAsync();
            var category = admitted.Where(a => a.ContractorId == suspended).Select(a => a.Category)
                .First(c => admitted.Any(a => a.Category == c && !sanctioned.Contains(a.ContractorId)));
            return (category, admitted.First(a => a.Category == category && !sanctioned.Contains(a.ContractorId)).ContractorId);
        });

        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, form) = await staff.GetAsync($"/Proposals/Create?category={category}");
        var offered = form.QuerySelectorAll("#contractor option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(free.ToString(CultureInfo.InvariantCulture), offered);
        Assert.DoesNotContain(suspended.ToString(CultureInfo.InvariantCulture), offered);
        Assert.DoesNotContain(name, form.QuerySelector("#contractor")!.TextContent);

        // Named by a hand-made post, it is refused as before.
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var response = await staff.SubmitAsync("/Proposals/Create", new()
        {
            ["Input.Year"] = "2068", ["Input.RegionId"] = regionId.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = "暂停单位承接的讲座",
            ["Input.Type"] = "Service", ["Input.Category"] = category.ToString(), ["Input.Content"] = "讲座", ["Input.TargetGroup"] = "长者",
            ["Input.Place"] = "社区", ["Input.Schedule"] = "全年", ["Input.PlannedBeneficiaries"] = "10", ["Input.PlannedSessions"] = "2",
            ["Input.ContractorId"] = suspended.ToString(CultureInfo.InvariantCulture),
            ["Input.Lines[0].Item"] = "讲师费", ["Input.Lines[0].Unit"] = "场", ["Input.Lines[0].Quantity"] = "2", ["Input.Lines[0].UnitPrice"] = "500",
            ["Input.Targets[0].Dimension"] = "Quantity", ["Input.Targets[0].Indicator"] = "场次", ["Input.Targets[0].Value"] = "2", ["Input.Targets[0].Unit"] = "场",
            ["submitAs"] = "draft",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("暂停", Fixtures.Errors(await staff.ReadAsync(response)));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.Projects.IgnoreQueryFilters().AnyAsync(p => p.Year == 2068 && p.Name == "暂停单位承接的讲座")));
    }
}
