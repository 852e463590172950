using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Tests.Delivery;

/// <summary>
/// A milestone marked done in the early morning in China (still the previous day in UTC) is dated with China's day:
/// the on-time rate compares it with planned dates, which are China dates.
/// </summary>
[Collection(DemoCollection.Name)]
public class ChinaDayTests(DemoApp app)
{
    [Fact]
    public async Task A_milestone_marked_done_at_4_am_china_time_is_dated_that_day()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2048);
        var milestoneId = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var m = new Milestone { ProjectId = project, Name = "启动", Deliverable = "实施方案", PlannedOn = new DateOnly(2048, 3, 1) };
            db.Milestones.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        // Move the clock forward to the next 20:00 UTC, which is 04:00 of the following day in China.
        var now = app.Factory.Clock.GetUtcNow().UtcDateTime;
        var next = now.Date.AddHours(20) > now ? now.Date.AddHours(20) : now.Date.AddDays(1).AddHours(20);
        using (app.Factory.Clock.Advance(next - now + TimeSpan.FromMinutes(1)))
        {
            var utcDay = DateOnly.FromDateTime(app.Factory.Clock.GetUtcNow().UtcDateTime);
            var chinaDay = ChinaDate.Today(app.Factory.Clock);
            Assert.Equal(utcDay.AddDays(1), chinaDay);

            var contractor = await Browser.LoginAsync(app.Factory, "contractor");
            var done = await contractor.SubmitAsync($"/Delivery/{project}", new() { ["milestoneId"] = milestoneId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                postUrl: $"/Delivery/{project}?handler=MilestoneDone");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            Assert.Equal(chinaDay, await Fixtures.QueryAsync(app.Factory, db => db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.DoneOn).SingleAsync()));
        }
    }
}
