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

    /// <summary>
    /// The backfill runs at every start and almost always finds nothing to do: its query reads the filtered index of exactly
    /// the needs left to do (an empty index), not the phone-hash index's entries of every need without a hash (most needs).
    /// </summary>
    [Fact]
    public async Task The_start_up_check_reads_only_the_index_of_needs_left_to_do()
    {
        using var scope = app.Factory.Services.CreateScope();
        var personal = scope.ServiceProvider.GetRequiredService<PersonalData>();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();

        var commands = await QueryPlans.CommandsDuringAsync(() => DemandContact.BackfillHashesAsync(db, personal));

        // Other applications of the test process may run their own start-up backfill meanwhile: the same query.
        var (text, parameters) = commands.First(c => c.Text.Contains("FROM \"Demands\"", StringComparison.Ordinal)
            && c.Text.Contains("\"ContactPhoneHash\" IS NULL", StringComparison.Ordinal));
        // The plans are SQLite's; PostgreSQL plans with its statistics.
        if (!db.Database.IsSqlite()) return;
        var plan = await QueryPlans.PlanAsync(db, text, parameters);
        Assert.Contains(plan, step => step.StartsWith("SCAN d USING INDEX IX_Demands_ContactPhoneHashBackfill", StringComparison.Ordinal)
            || step.StartsWith("SEARCH d USING INDEX IX_Demands_ContactPhoneHashBackfill", StringComparison.Ordinal));
    }

    /// <summary>The phone-hash index holds only needs with a hash; the resident's own page still finds their needs through it.</summary>
    [Fact]
    public async Task A_residents_needs_are_still_found_through_the_phone_hash_index()
    {
        var resident = await SignInAsync(app.Factory, NewPhone());

        var commands = await QueryPlans.CommandsDuringAsync(async () => Assert.Equal(System.Net.HttpStatusCode.OK, (await resident.GetAsync("/Home/Resident")).Status));

        var (text, parameters) = commands.First(c => c.Text.Contains("FROM \"Demands\"", StringComparison.Ordinal)
            && c.Text.Contains("\"ContactPhoneHash\" = ", StringComparison.Ordinal));
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        if (!db.Database.IsSqlite()) return;
        var plan = await QueryPlans.PlanAsync(db, text, parameters);
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Demands_ContactPhoneHash (ContactPhoneHash=?)", StringComparison.Ordinal));
    }
}
