using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Contractors;

/// <summary>Contractors, their users and admissions created by tests next to the demo.</summary>
public static class ContractorTestData
{
    private static int _sequence;

    /// <summary>A fresh valid 统一社会信用代码 no other test uses.</summary>
    public static string NewCreditCode()
    {
        var random = Random.Shared;
        var body = "5244" + string.Concat(Enumerable.Range(0, 13).Select(_ => CreditCode.Alphabet[random.Next(CreditCode.Alphabet.Length)]));
        return body + CreditCode.CheckCharacter(body);
    }

    public static async Task<(int Id, string Code, string Name)> CreateAsync(WeishiAppFactory factory, Action<Contractor>? configure = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var n = Interlocked.Increment(ref _sequence);
        var c = new Contractor
        {
            Name = $"测试社工服务中心{n}-{Guid.NewGuid().ToString("N")[..4]}",
            CreditCode = NewCreditCode(),
            Type = ContractorType.SocialOrganisation,
            RegisteredOn = new DateOnly(2015, 5, 1),
            FullTimeStaff = 10,
            CertifiedSocialWorkers = 4,
            OrgRatingLevel = 4,
            CreatedAtUtc = DateTime.UtcNow,
        };
        configure?.Invoke(c);
        db.Contractors.Add(c);
        await db.SaveChangesAsync();
        return (c.Id, c.CreditCode, c.Name);
    }

    /// <summary>A Contractor-role account bound to the contractor; returns the user name (demo password).</summary>
    public static async Task<string> CreateUserAsync(WeishiAppFactory factory, string creditCode)
    {
        using var scope = factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var userName = "ct" + Guid.NewGuid().ToString("N")[..10];
        var (user, errors) = await accounts.CreateAsync(userName, "测试联络员", Weishi.Web.Features.Demo.DemoAccounts.Password, AppRole.Contractor, creditCode);
        Assert.True(user is not null, string.Join(";", errors));
        return userName;
    }

    public static async Task AdmitAsync(WeishiAppFactory factory, int contractorId, ProjectCategory category)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        db.AdmissionApplications.Add(new AdmissionApplication
        {
            ContractorId = contractorId, Category = category, Status = ApplicationStatus.Admitted,
            Evaluated = AdmissionDecision.Admitted, SubmittedAtUtc = DateTime.UtcNow, ReviewedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<T> WithDbAsync<T>(WeishiAppFactory factory, Func<WeishiDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<WeishiDbContext>());
    }

    public static Task<Contractor> LoadAsync(WeishiAppFactory factory, int id) =>
        WithDbAsync(factory, db => db.Contractors.AsNoTracking().SingleAsync(c => c.Id == id));
}
