using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResidentPhoneSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Voting codes move to the shared PhoneCodes table. Codes still valid at the upgrade (10 minutes at most) are
            // not carried over: their hashes were salted for the old table, and a resident simply asks for a new code.
            migrationBuilder.DropTable(
                name: "VoterCodes");

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneHash",
                table: "Demands",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneEncrypted",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneHash",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PhoneCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Used = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneCodes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_ContactPhoneHash",
                table: "Demands",
                column: "ContactPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneHash",
                table: "AspNetUsers",
                column: "PhoneHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCodes_Purpose_PhoneHash",
                table: "PhoneCodes",
                columns: new[] { "Purpose", "PhoneHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhoneCodes");

            migrationBuilder.DropIndex(
                name: "IX_Demands_ContactPhoneHash",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PhoneHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ContactPhoneHash",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "PhoneEncrypted",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneMasked",
                table: "AspNetUsers");

            migrationBuilder.CreateTable(
                name: "VoterCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    BallotId = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Used = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoterCodes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VoterCodes_BallotId_PhoneHash",
                table: "VoterCodes",
                columns: new[] { "BallotId", "PhoneHash" });
        }
    }
}
