using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>A saved draft is edited with the proposal form and its rules, by the staff of its community only, while a draft.</summary>
[Collection(DemoCollection.Name)]
public class DraftEditTests(DemoApp app)
{
    private const int Year = 2067;

    private async Task<Dictionary<string, string>> FormAsync(string name) => new()
    {
        ["Input.Year"] = Year.ToString(CultureInfo.InvariantCulture),
        ["Input.RegionId"] = (await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian)).ToString(CultureInfo.InvariantCulture),
        ["Input.Name"] = name,
        ["Input.Type"] = nameof(ProjectType.Service),
        ["Input.Category"] = nameof(ProjectCategory.Elderly),
        ["Input.Content"] = "每月为辖区长者开展两次健康讲座",
        ["Input.TargetGroup"] = "60岁以上长者",
        ["Input.Place"] = "六联社区党群服务中心",
        ["Input.Schedule"] = "全年每月两次",
        ["Input.PlannedBeneficiaries"] = "300",
        ["Input.PlannedSessions"] = "24",
        ["Input.Lines[0].Item"] = "讲师费",
        ["Input.Lines[0].Unit"] = "场",
        ["Input.Lines[0].Quantity"] = "24",
        ["Input.Lines[0].UnitPrice"] = "800",
        ["Input.Targets[0].Dimension"] = nameof(TargetDimension.Quantity),
        ["Input.Targets[0].Indicator"] = "开展活动场次",
        ["Input.Targets[0].Value"] = "24",
        ["Input.Targets[0].Unit"] = "场",
        ["submitAs"] = "draft",
    };

    private Task<Project> StoredAsync(int id) => Fixtures.QueryAsync(app.Factory, db =>
        db.Projects.IgnoreQueryFilters().AsNoTracking().Include(p => p.BudgetLines).SingleAsync(p => p.Id == id));

    private async Task<int> DraftAsync(Browser staff, string name)
    {
        var saved = await staff.SubmitAsync("/Proposals/Create", await FormAsync(name));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Community_staff_edit_their_draft_by_the_rules_of_the_form_and_the_change_is_stored_and_audited()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = "长者健康讲座" + Guid.NewGuid().ToString("N")[..6];
        var id = await DraftAsync(staff, name);
        Assert.Equal(ProjectStatus.Draft, (await StoredAsync(id)).Status);

        var (_, detail) = await staff.GetAsync($"/Projects/Detail/{id}");
        Assert.Equal($"/Proposals/Edit/{id}", detail.QuerySelector("[data-testid=edit-draft]")!.GetAttribute("href"));
        var (status, page) = await staff.GetAsync($"/Proposals/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(name, page.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("800", page.QuerySelector("input[name='Input.Lines[0].UnitPrice']")!.GetAttribute("value"));

        // The rules of 项目申报 apply: bad input is refused and changes nothing.
        var bad = await FormAsync("");
        bad["Input.Lines[0].Quantity"] = "-1";
        var refused = await staff.SubmitAsync($"/Proposals/Edit/{id}", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = Fixtures.Errors(await staff.ReadAsync(refused));
        Assert.Contains("请填写项目名称", errors);
        Assert.Contains("数量必须大于 0", errors);
        Assert.Equal(name, (await StoredAsync(id)).Name);

        var auditedBefore = await AuditCountAsync(id);
        var changed = await FormAsync(name + "（修改）");
        changed["Input.Lines[0].Quantity"] = "12";
        changed["Input.Lines[1].Item"] = "物料";
        changed["Input.Lines[1].Unit"] = "批";
        changed["Input.Lines[1].Quantity"] = "1";
        changed["Input.Lines[1].UnitPrice"] = "500";
        changed["Input.Place"] = "六联社区长者服务站";
        var ok = await staff.SubmitAsync($"/Proposals/Edit/{id}", changed);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal(name + "（修改）", stored.Name);
        Assert.Equal(ProjectStatus.Draft, stored.Status);
        Assert.Equal(12 * 800_00 + 500_00, stored.BudgetLines.Sum(l => l.AmountFen));
        Assert.Equal(2, stored.BudgetLines.Count);
        Assert.Equal("六联社区长者服务站", await Fixtures.QueryAsync(app.Factory, db => db.ProposalDetails.IgnoreQueryFilters().Where(d => d.ProjectId == id).Select(d => d.Place).SingleAsync()));
        Assert.True(await AuditCountAsync(id) > auditedBefore);
    }

    private Task<int> AuditCountAsync(int id)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return Fixtures.QueryAsync(app.Factory, db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Project) && a.EntityId == key && a.UserName == "cs-ll"));
    }

    [Fact]
    public async Task Other_communities_and_other_roles_cannot_edit_and_a_submitted_proposal_is_no_draft()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = "四点半课堂" + Guid.NewGuid().ToString("N")[..6];
        var id = await DraftAsync(staff, name);

        var other = await Browser.LoginAsync(app.Factory, "cs-lh");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Proposals/Edit/{id}")).Status);
        var token = await Fixtures.TokenAsync(other, "/Proposals/Create");
        var byOther = await other.Client.PostAsync($"/Proposals/Edit/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string>(await FormAsync("别的社区改的名字")) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/Proposals/Edit/{id}")).Status);
        Assert.Equal(name, (await StoredAsync(id)).Name);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Projects/Detail/{id}", new() { ["to"] = nameof(ProjectStatus.Submitted) },
            postUrl: $"/Projects/Detail/{id}?handler=Move")).StatusCode);
        var (_, detail) = await staff.GetAsync($"/Projects/Detail/{id}");
        Assert.Null(detail.QuerySelector("[data-testid=edit-draft]"));
        var (_, page) = await staff.GetAsync($"/Proposals/Edit/{id}");
        Assert.Contains("只有草稿可以修改", page.QuerySelector("[data-testid=edit-refusal]")!.TextContent);
        Assert.Null(page.QuerySelector("#name"));
        var posted = await staff.Client.PostAsync($"/Proposals/Edit/{id}", new FormUrlEncodedContent(
            new Dictionary<string, string>(await FormAsync("申报后改的名字")) { ["__RequestVerificationToken"] = await Fixtures.TokenAsync(staff, "/Proposals/Create") }));
        Assert.Contains("只有草稿可以修改", (await staff.ReadAsync(posted)).QuerySelector("[data-testid=edit-refusal]")!.TextContent);
        var stored = await StoredAsync(id);
        Assert.Equal(name, stored.Name);
        Assert.Equal(ProjectStatus.Submitted, stored.Status);
    }
}
