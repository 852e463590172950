using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Tests.Foundation;

[Collection(DemoCollection.Name)]
public class PrivacyTests(DemoApp app)
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440308199901011234")]
    public void Valid_id_numbers_pass_the_GB11643_check(string id) => Assert.Null(IdNumber.Validate(id));

    [Theory]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("44030819990101123", "18 位")]
    [InlineData("440308199913011234", "出生日期")]
    public void Bad_id_numbers_are_refused_in_Chinese(string id, string reason) => Assert.Contains(reason, IdNumber.Validate(id));

    [Fact]
    public void Phones_are_masked_and_validated()
    {
        Assert.Equal("138****1234", PersonalData.MaskPhone("13812341234"));
        Assert.Null(PersonalData.ValidatePhone("13812341234"));
        Assert.NotNull(PersonalData.ValidatePhone("12812341234"));
        Assert.NotNull(PersonalData.ValidatePhone("1381234123"));
    }

    [Fact]
    public async Task The_keyed_hash_is_stable_and_the_outbox_keeps_no_clear_phone()
    {
        var personal = app.Factory.Services.GetRequiredService<PersonalData>();
        var a = await personal.HashAsync("440308199901011234");
        Assert.Equal(a, await personal.HashAsync(" 440308199901011234 "));
        Assert.NotEqual(a, await personal.HashAsync("11010519491231002X"));
        Assert.Equal(64, a.Length);

        using var scope = app.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ISmsSender>().SendAsync("13900001111", "验证码 123456");
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var message = await db.SmsOutbox.OrderByDescending(m => m.Id).FirstAsync();
        Assert.Equal("139****1111", message.PhoneMasked);
        Assert.DoesNotContain("13900001111", message.PhoneEncrypted);
        Assert.Equal("13900001111", personal.DecryptPhone(message.PhoneEncrypted));
    }
}
