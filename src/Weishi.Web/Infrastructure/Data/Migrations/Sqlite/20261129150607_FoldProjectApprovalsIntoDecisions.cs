using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// ADR 019: the subdistrict's approval is the decision 公示中 (5) → 实施中 (6) with its opinion as the reason. Each
    /// ProjectApproval becomes that decision unless the project already has it (approvals made after ProjectDecisions
    /// came were written twice); a project takes the step at most once, as no step leads back to 公示中.
    /// </summary>
    public partial class FoldProjectApprovalsIntoDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO "ProjectDecisions" ("ProjectId", "From", "To", "AtUtc", "DecidedBy", "Reason")
                SELECT a."ProjectId", 5, 6, a."AtUtc", a."ApprovedBy", a."Comment"
                FROM "ProjectApprovals" AS a
                WHERE NOT EXISTS (SELECT 1 FROM "ProjectDecisions" AS d
                                  WHERE d."ProjectId" = a."ProjectId" AND d."From" = 5 AND d."To" = 6)
                ORDER BY a."Id";
                """);
            migrationBuilder.DropTable(
                name: "ProjectApprovals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectApprovals_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectApprovals_ProjectId",
                table: "ProjectApprovals",
                column: "ProjectId");

            // Back to the old shape: every approval decision is an approval again (the decisions stay).
            migrationBuilder.Sql("""
                INSERT INTO "ProjectApprovals" ("ProjectId", "AtUtc", "ApprovedBy", "Comment")
                SELECT "ProjectId", "AtUtc", "DecidedBy", COALESCE("Reason", '')
                FROM "ProjectDecisions"
                WHERE "From" = 5 AND "To" = 6
                ORDER BY "Id";
                """);
        }
    }
}
