using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PerformanceEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorTree",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTree", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorNode",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TreeId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    MetricCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DataBanded = table.Column<bool>(type: "boolean", nullable: false),
                    Target = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    Bands = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Rule = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorNode", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorNode_IndicatorTree_TreeId",
                        column: x => x.TreeId,
                        principalTable: "IndicatorTree",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceEvaluation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TreeId = table.Column<int>(type: "integer", nullable: false),
                    ScopeKind = table.Column<int>(type: "integer", nullable: false),
                    RegionIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProjectIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    OwnerRegionId = table.Column<int>(type: "integer", nullable: true),
                    Background = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WorkDone = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Achievements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceEvaluation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceEvaluation_IndicatorTree_TreeId",
                        column: x => x.TreeId,
                        principalTable: "IndicatorTree",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRecommendation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EvaluationId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    FindingType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRecommendation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationRecommendation_PerformanceEvaluation_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "PerformanceEvaluation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationScore",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EvaluationId = table.Column<int>(type: "integer", nullable: false),
                    NodeCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    Actual = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScoredBy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScoredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationScore", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationScore_PerformanceEvaluation_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "PerformanceEvaluation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EvaluationId = table.Column<int>(type: "integer", nullable: false),
                    ScoreId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationEvidence_EvaluationScore_ScoreId",
                        column: x => x.ScoreId,
                        principalTable: "EvaluationScore",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationEvidence_ScoreId",
                table: "EvaluationEvidence",
                column: "ScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRecommendation_EvaluationId",
                table: "EvaluationRecommendation",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationScore_EvaluationId_NodeCode",
                table: "EvaluationScore",
                columns: new[] { "EvaluationId", "NodeCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorNode_TreeId_Code",
                table: "IndicatorNode",
                columns: new[] { "TreeId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTree_Kind_Version",
                table: "IndicatorTree",
                columns: new[] { "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceEvaluation_OwnerRegionId",
                table: "PerformanceEvaluation",
                column: "OwnerRegionId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceEvaluation_TreeId",
                table: "PerformanceEvaluation",
                column: "TreeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationEvidence");

            migrationBuilder.DropTable(
                name: "EvaluationRecommendation");

            migrationBuilder.DropTable(
                name: "IndicatorNode");

            migrationBuilder.DropTable(
                name: "EvaluationScore");

            migrationBuilder.DropTable(
                name: "PerformanceEvaluation");

            migrationBuilder.DropTable(
                name: "IndicatorTree");
        }
    }
}
