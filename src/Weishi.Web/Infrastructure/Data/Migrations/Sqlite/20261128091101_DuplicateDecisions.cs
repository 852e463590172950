using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DuplicateDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PairModelVersionId",
                table: "MiningRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "ClassifierVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DuplicateDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherDemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OtherText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsDuplicate = table.Column<bool>(type: "INTEGER", nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicateDecisions_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DuplicateDecisions_Demands_OtherDemandId",
                        column: x => x.OtherDemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PairModelVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecisionsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicatesUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOut = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementBefore = table.Column<double>(type: "REAL", nullable: true),
                    AgreementAfter = table.Column<double>(type: "REAL", nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Model = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PairModelVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateDecisions_DemandId_OtherDemandId",
                table: "DuplicateDecisions",
                columns: new[] { "DemandId", "OtherDemandId" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateDecisions_OtherDemandId",
                table: "DuplicateDecisions",
                column: "OtherDemandId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateDecisions");

            migrationBuilder.DropTable(
                name: "PairModelVersions");

            migrationBuilder.DropColumn(
                name: "PairModelVersionId",
                table: "MiningRuns");

            migrationBuilder.DropColumn(
                name: "Retired",
                table: "ClassifierVersions");
        }
    }
}
