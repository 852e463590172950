using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Surveys2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MinimumSample",
                table: "Surveys");

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    LowItems = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CommunityActions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ActionsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContractorAnswer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Rectifications_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsCore = table.Column<bool>(type: "boolean", nullable: false),
                    ForType = table.Column<int>(type: "integer", nullable: true),
                    ForCategory = table.Column<int>(type: "integer", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampleSharePercent = table.Column<int>(type: "integer", nullable: false),
                    SampleFloor = table.Column<int>(type: "integer", nullable: false),
                    OverallBelowTenths = table.Column<int>(type: "integer", nullable: false),
                    ItemBelowTenths = table.Column<int>(type: "integer", nullable: false),
                    DissatisfiedAbovePercent = table.Column<int>(type: "integer", nullable: false),
                    RectificationDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyItemAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyItemAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyItemAnswers_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyItemAnswers_SurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyItemAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyItems_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyItems_SurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyItems_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "SurveyQuestions",
                columns: new[] { "Id", "Active", "Code", "ForCategory", "ForType", "IsCore", "SortOrder", "Text" },
                values: new object[,]
                {
                    { 1, true, "overall", null, null, true, 1, "您对本项目的总体满意度" },
                    { 2, true, "met-need", null, null, true, 2, "本项目是否满足了您的需求" },
                    { 3, true, "join-again", null, null, true, 3, "如再举办，您是否愿意再次参加" },
                    { 4, true, "knew-before", null, null, true, 4, "参加前您是否听说过“民生微实事”" },
                    { 101, true, null, 1, 1, false, 10, "饭菜口味" },
                    { 102, true, null, 1, 1, false, 11, "价格是否实惠" },
                    { 103, true, null, 1, 1, false, 12, "送餐或服务是否准时" },
                    { 111, true, null, null, 2, false, 20, "工程质量" },
                    { 112, true, null, null, 2, false, 21, "施工过程安全、文明" },
                    { 113, true, null, null, 2, false, 22, "建成设施是否实用" },
                    { 121, true, null, null, 1, false, 30, "服务人员是否专业、耐心" },
                    { 122, true, null, null, 1, false, 31, "活动时间和地点安排是否方便" },
                    { 131, true, null, 2, 1, false, 40, "孩子是否喜欢本次活动" },
                    { 141, true, null, null, 3, false, 50, "物品质量" },
                    { 142, true, null, null, 3, false, 51, "发放过程是否公平公开" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_ProjectId",
                table: "Rectifications",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_SurveyId",
                table: "Rectifications",
                column: "SurveyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItemAnswers_ProjectId",
                table: "SurveyItemAnswers",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItemAnswers_QuestionId",
                table: "SurveyItemAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItemAnswers_ResponseId_QuestionId",
                table: "SurveyItemAnswers",
                columns: new[] { "ResponseId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItems_ProjectId",
                table: "SurveyItems",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItems_QuestionId",
                table: "SurveyItems",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItems_SurveyId_QuestionId",
                table: "SurveyItems",
                columns: new[] { "SurveyId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_Code",
                table: "SurveyQuestions",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "SurveyItemAnswers");

            migrationBuilder.DropTable(
                name: "SurveyItems");

            migrationBuilder.DropTable(
                name: "SurveySettings");

            migrationBuilder.DropTable(
                name: "SurveyQuestions");

            migrationBuilder.AddColumn<int>(
                name: "MinimumSample",
                table: "Surveys",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
