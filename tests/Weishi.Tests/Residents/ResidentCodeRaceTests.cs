using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Infrastructure.Sms;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Residents;

/// <summary>
/// One code posted twice at the same moment (a double tap, a second tab): it signs in once, and the post whose save comes
/// second is told the code was used and is not signed in. Guesses are counted before they are compared: a right code
/// counted first is not undone by a later guess, and of many guesses at once only the allowed number are compared.
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
    public async Task A_right_code_signs_in_even_when_a_wrong_guess_is_counted_between_its_check_and_its_save()
    {
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        var resident = Browser.For(app.Factory);
        var other = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, resident, phone);
        // Someone else's wrong guess (or the resident's own typo in a second tab) is counted after the right code was
        // counted and compared: it was the second guess, so the right code, the first, still signs in.
        var (signIn, guess) = await app.Factory.RaceAsync(
            db => db.ChangeTracker.Entries<PhoneCode>().Any(e => e.State == EntityState.Modified && e.Entity.PhoneHash == hash && e.Entity.Used),
            meanwhile: () => EnterCodeAsync(other, phone, Wrong(code)),
            request: () => EnterCodeAsync(resident, phone, code));
        Assert.Equal($"验证码不正确，请核对短信中的 6 位数字后重新输入（还可尝试 {PhoneCodes.MaxAttempts - 2} 次）", Error(await other.ReadAsync(guess)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Home/Resident", signIn.Headers.Location!.ToString());
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.Where(c => c.PhoneHash == hash).SingleAsync());
        Assert.True(stored.Used);
        Assert.Equal(2, stored.Attempts);
    }

    [Fact]
    public async Task Guesses_sent_at_once_are_each_counted_and_only_as_many_as_allowed_are_told_they_are_wrong()
    {
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        var code = await RequestCodeAsync(app.Factory, Browser.For(app.Factory), phone);
        var guessers = Enumerable.Range(0, 2 * PhoneCodes.MaxAttempts).Select(_ => Browser.For(app.Factory)).ToList();
        // Each guesser has its form first, so the posts themselves arrive together.
        var tokens = await Task.WhenAll(guessers.Select(g => Fixtures.TokenAsync(g, "/Account/Phone")));
        var answers = await Task.WhenAll(guessers.Select(async (g, i) =>
        {
            var response = await g.Client.PostAsync("/Account/Phone", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = tokens[i], ["Phone"] = phone, ["Code"] = Wrong(code),
            }));
            return Error(await g.ReadAsync(response));
        }));
        var compared = answers.Where(a => a.StartsWith("验证码不正确", StringComparison.Ordinal)).ToList();
        Assert.Equal(PhoneCodes.MaxAttempts, compared.Count);
        // Each tells how many tries are left when it is answered, so guesses answered together may tell the same number.
        Assert.All(answers.Except(compared), a => Assert.Equal("验证码错误次数过多，该验证码已失效，请点击“获取验证码”重新获取", a));
        Assert.Equal(PhoneCodes.MaxAttempts, await Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.Where(c => c.PhoneHash == hash).Select(c => c.Attempts).SingleAsync()));
        // The right code, now, is refused too: the code is spent.
        var late = Browser.For(app.Factory);
        Assert.Equal("验证码错误次数过多，该验证码已失效，请点击“获取验证码”重新获取", Error(await late.ReadAsync(await EnterCodeAsync(late, phone, code))));
    }
}
