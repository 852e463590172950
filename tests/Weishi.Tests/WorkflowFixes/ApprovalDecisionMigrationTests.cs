using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>
/// The migration that folds ProjectApproval into ProjectDecision (ADR 019), on a fresh database of the provider under
/// test: rows written the old way, before the migration, read afterwards as approval decisions, once each.
/// </summary>
public class ApprovalDecisionMigrationTests
{
    private const string Migration = "_FoldProjectApprovalsIntoDecisions";

    private static WeishiDbContext Open(TestDatabase database)
    {
        var system = new FixedScope(UserScope.System);
        return database.Provider == "Postgres"
            ? new PostgresWeishiDbContext(new DbContextOptionsBuilder<PostgresWeishiDbContext>().UseNpgsql(database.ConnectionString).Options, system, TimeProvider.System)
            : new SqliteWeishiDbContext(new DbContextOptionsBuilder<SqliteWeishiDbContext>().UseSqlite(database.ConnectionString).Options, system, TimeProvider.System);
    }

    [Fact]
    public async Task Old_approvals_become_approval_decisions_once_and_their_table_goes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = Open(database);
        var migrations = db.Database.GetMigrations().ToList();
        var fold = migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal));
        Assert.True(fold > 0, "migration not found: " + Migration);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[fold - 1]);

        // The old shape, in plain SQL (the model no longer has ProjectApproval): project 9001 approved before decisions
        // were recorded, project 9002 approved after, so it has the approval twice (as ProjectApproval and as decision).
        var before = new DateTime(2026, 11, 20, 3, 4, 5, DateTimeKind.Utc);
        var after = new DateTime(2026, 11, 29, 6, 7, 8, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Regions" ("Id", "Code", "Name", "ShortName", "Abbr", "Level") VALUES (9001, '449999001001', '测试社区', '测试', 'CS', 3)
            """);
        foreach (var (id, code) in new[] { (9001, "2026-PS-CS-901"), (9002, "2026-PS-CS-902") })
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Projects" ("Id", "Code", "Year", "Name", "Type", "Category", "RegionId", "PlannedBeneficiaries", "PlannedSessions",
                                        "IsOneOff", "Status", "CreatedAtUtc", "StatusChangedAtUtc")
                VALUES ({id}, {code}, 2026, '旧审批项目', 1, 1, 9001, 100, 4, {false}, {(int)ProjectStatus.InProgress}, {before}, {before})
                """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ProjectApprovals" ("ProjectId", "AtUtc", "ApprovedBy", "Comment") VALUES (9001, {before}, 'sd-ps', '经审核，同意实施')
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ProjectApprovals" ("ProjectId", "AtUtc", "ApprovedBy", "Comment") VALUES (9002, {after}, 'sd-ml', '同意')
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ProjectDecisions" ("ProjectId", "From", "To", "AtUtc", "DecidedBy", "Reason")
            VALUES (9002, {(int)ProjectStatus.Publicity}, {(int)ProjectStatus.InProgress}, {after}, 'sd-ml', '同意')
            """);

        await migrator.MigrateAsync(migrations[fold]);

        var decisions = await db.ProjectDecisions.AsNoTracking().OrderBy(d => d.ProjectId).ThenBy(d => d.Id).ToListAsync();
        Assert.Equal([9001, 9002], decisions.Select(d => d.ProjectId));
        Assert.All(decisions, d => Assert.True(d.From == ProjectStatus.Publicity && d.To == ProjectStatus.InProgress));
        Assert.Equal((before, "sd-ps", "经审核，同意实施"), (decisions[0].AtUtc, decisions[0].DecidedBy, decisions[0].Reason));
        Assert.Equal((after, "sd-ml", "同意"), (decisions[1].AtUtc, decisions[1].DecidedBy, decisions[1].Reason));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""SELECT COUNT(*) FROM "ProjectApprovals" """));
    }
}
