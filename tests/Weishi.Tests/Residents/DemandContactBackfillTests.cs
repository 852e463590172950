using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Residents;

/// <summary>Needs stored with a contact phone before the phone hash existed get it at start-up (decrypted in the application, not in SQL).</summary>
[Collection(DemoCollection.Name)]
public class DemandContactBackfillTests(DemoApp app)
{
    [Fact]
    public async Task A_need_with_an_encrypted_phone_and_no_hash_gets_the_hash_and_one_summary_audit_entry()
    {
        var phone = NewPhone();
        var marker = Demands.DemandHelpers.Marker();
        using var scope = app.Factory.Services.CreateScope();
        var personal = scope.ServiceProvider.GetRequiredService<PersonalData>();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var region = await db.Regions.Where(r => r.Code == Demands.DemandHelpers.LiuLian).Select(r => r.Id).SingleAsync();
        db.Demands.Add(new Demand
        {
            Text = "旧需求，留了电话 " + marker, Channel = DemandChannel.Portal, RegionId = region, Status = DemandStatus.Pending,
            SubmittedAtUtc = app.Factory.Clock.GetUtcNow().UtcDateTime, TrackingCode = DemandRules.NewTrackingCode(),
            ContactPhoneEncrypted = personal.EncryptPhone(phone), ContactPhoneMasked = PersonalData.MaskPhone(phone),
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.True(await DemandContact.BackfillHashesAsync(db, personal) >= 1);

        var stored = await db.Demands.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.Text.Contains(marker));
        Assert.Equal(await personal.HashAsync(phone), stored.ContactPhoneHash);
        Assert.Contains("补全联系电话的检索哈希", await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.After).FirstAsync());
        Assert.Equal(0, await DemandContact.BackfillHashesAsync(db, personal));
    }
}
