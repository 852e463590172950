using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Infrastructure.Sms;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Residents;

/// <summary>
/// One code posted twice at the same moment (a double tap, a second tab): it signs in once, and the post whose save comes
/// second is told the code was used and is not signed in; two wrong guesses at the same moment both count.
/// </summary>
[Collection(DemoCollection.Name)]
public class ResidentCodeRaceTests(DemoApp app)
{
    [Fact]
    public async Task A_sign_in_whose_code_was_used_meanwhile_is_told_so_and_stores_nothing()
    {
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        var first = Browser.For(app.Factory);
        var second = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, first, phone);
        // The second post runs whole, using the code and creating the account, after the first checked the code and before it saves.
        var (firstSignIn, secondSignIn) = await app.Factory.RaceAsync(
            db => db.ChangeTracker.Entries<PhoneCode>().Any(e => e.State == EntityState.Modified && e.Entity.PhoneHash == hash && e.Entity.Used),
            meanwhile: () => EnterCodeAsync(second, phone, code),
            request: () => EnterCodeAsync(first, phone, code));
        Assert.Equal(HttpStatusCode.Redirect, secondSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstSignIn.StatusCode);
        Assert.Equal(PhoneCodes.UsedMeanwhile, Error(await first.ReadAsync(firstSignIn)));
        var (status, _) = await first.GetAsync("/Home/Resident");
        Assert.NotEqual(HttpStatusCode.OK, status);
        var user = Assert.Single(await Fixtures.QueryAsync(app.Factory, db => db.Users.AsNoTracking().Where(u => u.PhoneHash == hash).ToListAsync()));
        Assert.Single(await Fixtures.QueryAsync(app.Factory, db => db.AuditEntries.Where(a => a.Entity == "AppUser" && a.EntityId == user.Id).ToListAsync()));
    }

    [Fact]
    public async Task Two_wrong_guesses_at_the_same_moment_both_count()
    {
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        var first = Browser.For(app.Factory);
        var second = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, first, phone);
        // The second guess is counted after the first read the count and before it stores its own.
        var (firstGuess, secondGuess) = await app.Factory.RaceAsync(
            db => db.ChangeTracker.Entries<PhoneCode>().Any(e => e.State == EntityState.Modified && e.Entity.PhoneHash == hash && e.Property(c => c.Attempts).IsModified),
            meanwhile: () => EnterCodeAsync(second, phone, Wrong(code)),
            request: () => EnterCodeAsync(first, phone, Wrong(code)));
        Assert.Equal($"验证码不正确，请核对短信中的 6 位数字后重新输入（还可尝试 {PhoneCodes.MaxAttempts - 1} 次）", Error(await second.ReadAsync(secondGuess)));
        Assert.Equal($"验证码不正确，请核对短信中的 6 位数字后重新输入（还可尝试 {PhoneCodes.MaxAttempts - 2} 次）", Error(await first.ReadAsync(firstGuess)));
        Assert.Equal(2, await Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.Where(c => c.PhoneHash == hash).Select(c => c.Attempts).SingleAsync()));
    }
}
