using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CategoryCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DemandId = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SuggestedCategory = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CorrectedByUserId = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectedByName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CorrectedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CorrectionsUsed = table.Column<int>(type: "integer", nullable: false),
                    HeldOut = table.Column<int>(type: "integer", nullable: false),
                    AccuracyBefore = table.Column<double>(type: "double precision", nullable: true),
                    AccuracyAfter = table.Column<double>(type: "double precision", nullable: true),
                    Model = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassifierVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemandReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DemandId = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReferredByUserId = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReferredByName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReferredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    JobId = table.Column<int>(type: "integer", nullable: true),
                    DemandCount = table.Column<int>(type: "integer", nullable: false),
                    ClassifierVersionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    DemandId = table.Column<int>(type: "integer", nullable: false),
                    TopicNumber = table.Column<int>(type: "integer", nullable: false),
                    DuplicateGroup = table.Column<int>(type: "integer", nullable: true),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Keywords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Monthly = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Communities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RepresentativeDemandIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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
