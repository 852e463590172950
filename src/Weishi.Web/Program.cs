using Weishi.Web.Infrastructure.Web;
using System.Text;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.CostBenchmarking;
using Weishi.Web.Features.Demo;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Mining;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Cli;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;
using Weishi.Web.Infrastructure.RateLimits;
using Weishi.Web.Infrastructure.Sms;

Console.OutputEncoding = Encoding.UTF8;
var isCli = args.Length > 0 && CliCommands.IsVerb(args[0]);
var builder = WebApplication.CreateBuilder(isCli ? [] : args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWeishiDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWeishiAuth(builder.Configuration);
builder.Services.AddSharedRateLimits(builder.Configuration);
builder.Services.AddWeishiDataProtection(builder.Configuration);
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/Features";
    PageAccess.Configure(o.Conventions);
    o.Conventions.ConfigureFilter(new PostTransactionFilter());
    o.Conventions.ConfigureFilter(new TextTooLongFilter());
});
builder.Services.AddOpenApi();
builder.Services.AddSingleton<PersonalData>();
builder.AddSms();
builder.Services.AddPhoneCodes(builder.Configuration);
builder.Services.AddScoped<BudgetLedger>();
builder.Services.AddScoped<ProjectTransitions>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<Weishi.Web.Features.Statistics.StatisticsQuery>();
builder.Services.AddScoped<Weishi.Web.Features.Accounts.AccountService>();
builder.Services.AddScoped<Weishi.Web.Features.Accounts.ResidentAccounts>();
builder.Services.AddScoped<Weishi.Web.Features.Regions.RegionMaintenance>();
builder.Services.AddProposalToApproval(builder.Configuration);
builder.Services.AddContractors();
builder.Services.AddDeliverySupervision(builder.Configuration);
builder.Services.AddSurveys(builder.Configuration);
builder.Services.AddJobs(runWorker: !isCli);
builder.Services.AddProxyForwarding(builder.Configuration);
builder.Services.AddDemandCollection();
builder.Services.AddDemandMining();
builder.Services.AddValueForMoney();
builder.Services.AddFindings();
builder.Services.AddPerformanceEvaluation();

var app = builder.Build();

if (isCli) return await CliCommands.RunAsync(app.Services, args);

await StartupTasks.PrepareDatabaseAsync(app);

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseMiddleware<ScopeViolationMiddleware>();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi("/api/v1/openapi.json");
app.MapRazorPages();
app.MapDemandImportApi();
app.MapGet("/healthz", () => Results.Text("ok"));

StartupTasks.PrintWelcome(app);
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
