using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DemandMining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedIntoDemandId",
                table: "Demands",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CategoryCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SuggestedCategory = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CorrectedByUserId = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CorrectedByName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CorrectedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategoryCorrections_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClassifierVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CorrectionsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOut = table.Column<int>(type: "INTEGER", nullable: false),
                    AccuracyBefore = table.Column<double>(type: "REAL", nullable: true),
                    AccuracyAfter = table.Column<double>(type: "REAL", nullable: true),
                    Model = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassifierVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemandReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReferredByUserId = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReferredByName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReferredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandReferrals_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MiningRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JobId = table.Column<int>(type: "INTEGER", nullable: true),
                    DemandCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassifierVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MiningRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MiningRuns_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MiningItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateGroup = table.Column<int>(type: "INTEGER", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MiningItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MiningItems_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MiningItems_MiningRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "MiningRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MiningTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Monthly = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Communities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RepresentativeDemandIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MiningTopics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MiningTopics_MiningRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "MiningRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_MergedIntoDemandId",
                table: "Demands",
                column: "MergedIntoDemandId");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryCorrections_DemandId",
                table: "CategoryCorrections",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandReferrals_DemandId",
                table: "DemandReferrals",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_DemandId",
                table: "MiningItems",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_DuplicateGroup",
                table: "MiningItems",
                columns: new[] { "RunId", "DuplicateGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_TopicNumber",
                table: "MiningItems",
                columns: new[] { "RunId", "TopicNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_MiningRuns_RegionId_Id",
                table: "MiningRuns",
                columns: new[] { "RegionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MiningTopics_RunId_Number",
                table: "MiningTopics",
                columns: new[] { "RunId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Demands_Demands_MergedIntoDemandId",
                table: "Demands",
                column: "MergedIntoDemandId",
                principalTable: "Demands",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Demands_Demands_MergedIntoDemandId",
                table: "Demands");

            migrationBuilder.DropTable(
                name: "CategoryCorrections");

            migrationBuilder.DropTable(
                name: "ClassifierVersions");

            migrationBuilder.DropTable(
                name: "DemandReferrals");

            migrationBuilder.DropTable(
                name: "MiningItems");

            migrationBuilder.DropTable(
                name: "MiningTopics");

            migrationBuilder.DropTable(
                name: "MiningRuns");

            migrationBuilder.DropIndex(
                name: "IX_Demands_MergedIntoDemandId",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "MergedIntoDemandId",
                table: "Demands");
        }
    }
}
