using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DemandCollection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "Demands",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AddColumn<int>(
                name: "AgeBand",
                table: "Demands",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Demands",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CollectedOn",
                table: "Demands",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneEncrypted",
                table: "Demands",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneMasked",
                table: "Demands",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalCaseNumber",
                table: "Demands",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Groups",
                table: "Demands",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "Demands",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoPath",
                table: "Demands",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedByUserId",
                table: "Demands",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResidentType",
                table: "Demands",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAtUtc",
                table: "Demands",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Demands",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingCode",
                table: "Demands",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommunityPopulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Segment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityPopulations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityPopulations_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ParametersJson = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    InputPath = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResultPath = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResultFileName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Channel_Status_SubmittedAtUtc",
                table: "Demands",
                columns: new[] { "Channel", "Status", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_ExternalCaseNumber",
                table: "Demands",
                column: "ExternalCaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Demands_SubmittedAtUtc",
                table: "Demands",
                column: "SubmittedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_TrackingCode",
                table: "Demands",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPopulations_RegionId_Segment",
                table: "CommunityPopulations",
                columns: new[] { "RegionId", "Segment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_CreatedByUserId",
                table: "Jobs",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Status_Id",
                table: "Jobs",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityPopulations");

            migrationBuilder.DropTable(
                name: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Demands_Channel_Status_SubmittedAtUtc",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_ExternalCaseNumber",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_SubmittedAtUtc",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_TrackingCode",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "AgeBand",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "CollectedOn",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "ContactPhoneEncrypted",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "ContactPhoneMasked",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "ExternalCaseNumber",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "Groups",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "Location",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "PhotoPath",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "RecordedByUserId",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "ResidentType",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "StatusChangedAtUtc",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "TrackingCode",
                table: "Demands");

            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "Demands",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);
        }
    }
}
