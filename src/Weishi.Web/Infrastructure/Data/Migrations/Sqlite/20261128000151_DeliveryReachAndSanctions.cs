using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryReachAndSanctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ResidentType",
                table: "Participants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProgressRecordId",
                table: "EvidenceFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SanctionPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WatchBelow = table.Column<int>(type: "INTEGER", nullable: false),
                    SuspendBelow = table.Column<int>(type: "INTEGER", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SanctionPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SanctionProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SanctionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SanctionProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SanctionProposals_Contractors_ContractorId",
                        column: x => x.ContractorId,
                        principalTable: "Contractors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_ProgressRecordId",
                table: "EvidenceFiles",
                column: "ProgressRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_SanctionProposals_ContractorId_Kind_Year",
                table: "SanctionProposals",
                columns: new[] { "ContractorId", "Kind", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SanctionProposals_Status",
                table: "SanctionProposals",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceFiles_ProgressRecords_ProgressRecordId",
                table: "EvidenceFiles",
                column: "ProgressRecordId",
                principalTable: "ProgressRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceFiles_ProgressRecords_ProgressRecordId",
                table: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "SanctionPolicies");

            migrationBuilder.DropTable(
                name: "SanctionProposals");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_ProgressRecordId",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "ResidentType",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "ProgressRecordId",
                table: "EvidenceFiles");
        }
    }
}
