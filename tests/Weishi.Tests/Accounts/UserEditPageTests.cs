using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Accounts;

/// <summary>The posts of /Admin/Users/Edit/{id} other than 停用 / 启用: roles granted and revoked, a password reset, unlocking.</summary>
[Collection(DemoCollection.Name)]
public class UserEditPageTests(DemoApp app)
{
    private const string Password = "Goodpass123";

    [Fact]
    public async Task A_role_is_granted_and_revoked_and_a_refusal_shows_the_page_again()
    {
        var (_, id) = await NewStaffAsync();
        var admin = await Browser.LoginAsync(app.Factory, "admin");

        var granted = await PostAsync(admin, id, "Assign", new() { ["role"] = "SubdistrictOfficer", ["scope"] = "440310001" });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var roles = await QueryAsync(db => db.RoleAssignments.Where(a => a.UserId == id).OrderBy(a => a.Role).Select(a => a.Role).ToListAsync());
        Assert.Equal([AppRole.CommunityStaff, AppRole.SubdistrictOfficer], roles);

        var twice = await PostAsync(admin, id, "Assign", new() { ["role"] = "SubdistrictOfficer", ["scope"] = "440310001" });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var page = await admin.ReadAsync(twice);
        Assert.Equal("该用户已有此角色和范围", page.QuerySelector("[data-testid=errors]")?.TextContent.Trim());
        Assert.Equal(2, page.QuerySelectorAll("input[name=assignmentId]").Length);   // the page's lists, loaded again

        var officerRole = await QueryAsync(db => db.RoleAssignments.Where(a => a.UserId == id && a.Role == AppRole.SubdistrictOfficer).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "Revoke", new() { ["assignmentId"] = officerRole.ToString() })).StatusCode);
        Assert.False(await QueryAsync(db => db.RoleAssignments.AnyAsync(a => a.Id == officerRole)));
    }

    [Fact]
    public async Task A_password_is_reset_and_a_locked_account_unlocked()
    {
        var (name, id) = await NewStaffAsync();
        var admin = await Browser.LoginAsync(app.Factory, "admin");

        var weak = await PostAsync(admin, id, "Password", new() { ["password"] = "short" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.NotNull((await admin.ReadAsync(weak)).QuerySelector("[data-testid=errors]"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "Password", new() { ["password"] = "Newpass4567" })).StatusCode);

        for (var i = 0; i < 5; i++)
            await Browser.For(app.Factory).SubmitAsync("/Account/Login", new() { ["Input.UserName"] = name, ["Input.Password"] = "Wrongpass123" });
        Assert.NotNull(await QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "Unlock", [])).StatusCode);
        Assert.Null(await QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
        await Browser.LoginAsync(app.Factory, name, "Newpass4567");
    }

    [Theory]
    [InlineData("Assign")]
    [InlineData("Revoke")]
    [InlineData("Unlock")]
    [InlineData("Disable")]
    [InlineData("Enable")]
    [InlineData("Password")]
    public async Task A_post_for_an_account_that_does_not_exist_is_not_found(string handler)
    {
        var (_, id) = await NewStaffAsync();
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        var (_, page) = await admin.GetAsync($"/Admin/Users/Edit/{id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await admin.Client.PostAsync($"/Admin/Users/Edit/no-such-account?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["role"] = "Resident", ["assignmentId"] = "1", ["reason"] = "离职", ["password"] = "Newpass4567",
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(Browser admin, string id, string handler, Dictionary<string, string> fields) =>
        admin.SubmitAsync($"/Admin/Users/Edit/{id}", fields, postUrl: $"/Admin/Users/Edit/{id}?handler={handler}");

    private Task<(string Name, string Id)> NewStaffAsync() => AccountTestData.NewStaffAsync(app.Factory, "edit-", "编辑测试", Password);

    private Task<T> QueryAsync<T>(Func<WeishiDbContext, Task<T>> query) => AccountTestData.QueryAsync(app.Factory, query);
}
