using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DemandCollection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgeBand",
                table: "Demands",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Demands",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CollectedOn",
                table: "Demands",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneEncrypted",
                table: "Demands",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneMasked",
                table: "Demands",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalCaseNumber",
                table: "Demands",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Groups",
                table: "Demands",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "Demands",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoPath",
                table: "Demands",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedByUserId",
                table: "Demands",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResidentType",
                table: "Demands",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAtUtc",
                table: "Demands",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Demands",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingCode",
                table: "Demands",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommunityPopulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ParametersJson = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    InputPath = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResultPath = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResultFileName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
        }
    }
}
