using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Contractors;
using Weishi.Tests.Demands;
using Weishi.Tests.Evaluation;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;

namespace Weishi.Tests.Foundation;

/// <summary>
/// A file written during a post is kept only if the post keeps what it saved (ADR 016): a refused post leaves no file in
/// the store's folder, a committed one exactly one. The refusal is the save of the file's row.
/// </summary>
[Collection(DemoCollection.Name)]
public class PostFileTests(DemoApp app)
{
    private static TextTooLongException Refusal(string entity) => new(entity, "Name", 80, 81);

    private string StoreFolder(string folder)
    {
        using var scope = app.Factory.Services.CreateScope();
        return Path.Combine(scope.ServiceProvider.GetRequiredService<FileStore>().Root, folder);
    }

    private string DocumentFolder()
    {
        using var scope = app.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DocumentStore>().Folder;
    }

    private static HashSet<string> FilesIn(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)] : [];

    /// <summary>The files that appeared in <paramref name="folder"/> while <paramref name="post"/> ran.</summary>
    private static async Task<(T Result, List<string> Added)> WatchAsync<T>(string folder, Func<Task<T>> post)
    {
        var before = FilesIn(folder);
        var result = await post();
        return (result, FilesIn(folder).Except(before).ToList());
    }

    /// <summary>The message the user sees: on the page shown again, or on the page the refused post was sent back to.</summary>
    private static async Task<string> FlashErrorAsync(Browser browser, HttpResponseMessage response)
    {
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? (await browser.GetAsync(response.Headers.Location!.OriginalString)).Item2
            : await browser.ReadAsync(response);
        return page.QuerySelector("[data-testid=flash-error]")?.TextContent ?? "";
    }

    [Fact]
    public async Task A_residents_photo_is_deleted_when_the_need_is_refused_and_kept_when_it_is_stored()
    {
        var folder = StoreFolder("photos");
        var marker = DemandHelpers.Marker();
        var resident = Browser.For(app.Factory);
        Task<HttpResponseMessage> SubmitAsync(string text) => resident.PostMultipartAsync("/Portal/Submit",
            new() { ["Text"] = $"{text} {marker}", ["Community"] = DemandHelpers.LiuLian }, ("Photo", "stairs.png", DemandHelpers.TinyPng));

        var refusal = Refusal(nameof(Demand));
        HttpResponseMessage refused;
        List<string> left;
        using (app.Factory.RefuseSaves<Demand>(e => e.Entity.Text.Contains(marker, StringComparison.Ordinal), refusal))
            (refused, left) = await WatchAsync(folder, () => SubmitAsync("楼道台阶破损"));
        Assert.Equal(refusal.Message, await FlashErrorAsync(resident, refused));
        Assert.Empty(await DemandHelpers.DemandsContainingAsync(app.Factory, marker));
        Assert.Empty(left);

        var (stored, kept) = await WatchAsync(folder, () => SubmitAsync("楼道台阶还是破损"));
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var demand = Assert.Single(await DemandHelpers.DemandsContainingAsync(app.Factory, marker));
        Assert.Equal(StoreFolder(demand.PhotoPath!), Assert.Single(kept));
    }

    [Fact]
    public async Task Evidence_of_a_refused_score_is_deleted_and_of_a_stored_one_kept()
    {
        var folder = StoreFolder("evaluation");
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await EvaluationScopeTests.CreateAsync(app.Factory, finance, "District", null);
        async Task<HttpResponseMessage> ScoreAsync()
        {
            var token = await Fixtures.TokenAsync(finance, $"/Evaluation/Detail/{id}");
            using var form = new MultipartFormDataContent
            {
                { new StringContent("A1-1"), "code" }, { new StringContent("2"), "score" }, { new StringContent("依据文件齐全"), "reason" },
                { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent("%PDF-1.4 立项依据"u8.ToArray()), "evidence", "立项批复.pdf" },
            };
            return await finance.Client.PostAsync($"/Evaluation/Detail/{id}?handler=Score", form);
        }

        var refusal = Refusal(nameof(EvaluationEvidence));
        HttpResponseMessage refused;
        List<string> left;
        using (app.Factory.RefuseSaves<EvaluationEvidence>(e => e.Entity.EvaluationId == id, refusal))
            (refused, left) = await WatchAsync(folder, ScoreAsync);
        Assert.Equal(refusal.Message, await FlashErrorAsync(finance, refused));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.Set<EvaluationScore>().AnyAsync(s => s.EvaluationId == id)));
        Assert.Empty(left);

        var (stored, kept) = await WatchAsync(folder, ScoreAsync);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var evidence = await Fixtures.QueryAsync(app.Factory, db => db.Set<EvaluationEvidence>().SingleAsync(f => f.EvaluationId == id));
        Assert.Equal(StoreFolder(evidence.Path), Assert.Single(kept));
    }

    [Fact]
    public async Task A_document_of_a_refused_admission_application_is_deleted_and_of_a_stored_one_kept()
    {
        var folder = DocumentFolder();
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var contractor = await Browser.LoginAsync(app.Factory, await ContractorTestData.CreateUserAsync(app.Factory, own.Code));
        async Task<HttpResponseMessage> ApplyAsync()
        {
            var (_, page) = await contractor.GetAsync("/Contractors/Admission/Apply");
            var token = page.QuerySelector("[data-testid=apply-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var pdf = new ByteArrayContent("%PDF-1.4\n%登记证书\n"u8.ToArray());
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(nameof(ProjectCategory.Elderly)), "Category" },
                { new StringContent("我单位长期服务长者"), "Statement" }, { pdf, "Files", "登记证书.pdf" },
            };
            return await contractor.Client.PostAsync("/Contractors/Admission/Apply", form);
        }

        var refusal = Refusal(nameof(AdmissionApplication));
        HttpResponseMessage refused;
        List<string> left;
        using (app.Factory.RefuseSaves<AdmissionApplication>(e => e.Entity.ContractorId == own.Id, refusal))
            (refused, left) = await WatchAsync(folder, ApplyAsync);
        Assert.Equal(refusal.Message, await FlashErrorAsync(contractor, refused));
        Assert.False(await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionApplications.AnyAsync(a => a.ContractorId == own.Id)));
        Assert.Empty(left);

        var (stored, kept) = await WatchAsync(folder, ApplyAsync);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var document = await ContractorTestData.WithDbAsync(app.Factory, db => db.AdmissionApplications.Where(a => a.ContractorId == own.Id)
            .SelectMany(a => a.Documents).SingleAsync());
        Assert.Equal(Path.Combine(folder, document.StoredName), Assert.Single(kept));
    }

    /// <summary>The store and the context of one request, as a page's post would have them.</summary>
    private (IServiceScope Scope, WeishiDbContext Db, FileStore Files) Post()
    {
        var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        db.HoldSavesUntilEnd();
        return (scope, db, scope.ServiceProvider.GetRequiredService<FileStore>());
    }

    private static Task<string> WriteAsync(FileStore files) =>
        files.SaveAsync("post-file-tests", ".txt", new MemoryStream("内容"u8.ToArray()), CancellationToken.None);

    [Fact]
    public async Task A_file_written_in_work_rolled_back_to_its_savepoint_is_deleted_though_the_post_commits()
    {
        var (scope, db, files) = Post();
        using (scope)
        {
            string inWork;
            await using (var work = await db.BeginWorkAsync(CancellationToken.None))
            {
                inWork = await WriteAsync(files);
                Assert.True(files.Exists(inWork));
            }
            Assert.False(files.Exists(inWork));
            var after = await WriteAsync(files);
            await db.EndPostTransactionAsync(commit: true, CancellationToken.None);
            Assert.True(files.Exists(after));
        }
    }

    [Fact]
    public async Task A_file_of_committed_work_goes_with_the_post_that_rolls_back_but_what_was_committed_so_far_keeps_its_file()
    {
        var (scope, db, files) = Post();
        using (scope)
        {
            string beforeCommit, afterCommit;
            await using (var work = await db.BeginWorkAsync(CancellationToken.None))
            {
                beforeCommit = await WriteAsync(files);
                await work.CommitAsync(CancellationToken.None);
            }
            await db.CommitSoFarAsync(CancellationToken.None);
            await using (var work = await db.BeginWorkAsync(CancellationToken.None))
            {
                afterCommit = await WriteAsync(files);
                await work.CommitAsync(CancellationToken.None);
            }
            await db.EndPostTransactionAsync(commit: false, CancellationToken.None);
            Assert.True(files.Exists(beforeCommit));
            Assert.False(files.Exists(afterCommit));
        }
    }

    [Fact]
    public async Task A_file_written_outside_a_post_stays_even_in_work_rolled_back()
    {
        using var scope = app.Factory.Services.CreateScope();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();
        string path;
        await using (var work = await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().BeginWorkAsync(CancellationToken.None))
            path = await WriteAsync(files);
        Assert.True(files.Exists(path));
    }
}
