using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneEncrypted",
                table: "AspNetUsers",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneHash",
                table: "AspNetUsers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PhoneCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Used = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    BallotId = table.Column<int>(type: "integer", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Used = table.Column<bool>(type: "boolean", nullable: false)
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
