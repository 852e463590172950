using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Accounts;

/// <summary>Set-ups the account tests share: a fresh community staff account, and a query in a scope of its own.</summary>
public static class AccountTestData
{
    /// <summary>A community staff account of 六联社区 whose name starts with the prefix; returns its name and id.</summary>
    public static async Task<(string Name, string Id)> NewStaffAsync(WeishiAppFactory factory, string prefix, string displayName, string password)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..10];
        using var scope = factory.Services.CreateScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(name, displayName, password, AppRole.CommunityStaff, "440310001001");
        Assert.True(user is not null, string.Join(";", errors));
        return (name, user.Id);
    }

    public static async Task<T> QueryAsync<T>(WeishiAppFactory factory, Func<WeishiDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<WeishiDbContext>());
    }
}
