using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Accounts;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Residents;

/// <summary>
/// The first sign-in of a phone creates its account; two first sign-ins of the same new phone at the same moment (two
/// tabs, a double tap) end with one account, and both are signed in to it.
/// </summary>
[Collection(DemoCollection.Name)]
public class ResidentFirstSignInRaceTests(DemoApp app)
{
    [Fact]
    public async Task A_first_sign_in_that_loses_the_race_for_the_account_signs_in_to_the_one_created_first()
    {
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        var first = Browser.For(app.Factory);
        var second = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, first, phone);
        // The second sign-in runs whole, creating the account, after the first found no account and before it stores its own.
        var (firstSignIn, secondSignIn) = await app.Factory.RaceAsync(
            db => db.ChangeTracker.Entries<AppUser>().Any(e => e.State == EntityState.Added && e.Entity.PhoneHash == hash),
            meanwhile: async () => await EnterCodeAsync(second, phone, await RequestCodeAsync(app.Factory, second, phone)),
            request: () => EnterCodeAsync(first, phone, code));
        var masked = "居民 " + phone[..3] + "****" + phone[^4..];
        foreach (var (browser, signIn) in new[] { (first, firstSignIn), (second, secondSignIn) })
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/Home/Resident", signIn.Headers.Location!.OriginalString);
            var (status, home) = await browser.GetAsync("/Home/Resident");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(masked, home.QuerySelector("[data-testid=current-user]")!.TextContent.Trim());
        }
        var user = Assert.Single(await Fixtures.QueryAsync(app.Factory, db => db.Users.AsNoTracking().Where(u => u.PhoneHash == hash).ToListAsync()));
        Assert.Equal([AppRole.Resident], await Fixtures.QueryAsync(app.Factory, db => db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => a.Role).ToListAsync()));
        Assert.Single(await Fixtures.QueryAsync(app.Factory, db => db.AuditEntries.Where(a => a.Entity == "AppUser" && a.EntityId == user.Id).ToListAsync()));
    }
}
