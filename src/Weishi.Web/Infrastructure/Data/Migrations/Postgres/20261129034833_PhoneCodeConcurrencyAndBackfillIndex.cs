using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhoneCodeConcurrencyAndBackfillIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Demands_ContactPhoneHash",
                table: "Demands");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_ContactPhoneHash",
                table: "Demands",
                column: "ContactPhoneHash",
                filter: "\"ContactPhoneHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_ContactPhoneHashBackfill",
                table: "Demands",
                column: "Id",
                filter: "\"ContactPhoneEncrypted\" IS NOT NULL AND \"ContactPhoneHash\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Demands_ContactPhoneHash",
                table: "Demands");

            migrationBuilder.DropIndex(
                name: "IX_Demands_ContactPhoneHashBackfill",
                table: "Demands");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_ContactPhoneHash",
                table: "Demands",
                column: "ContactPhoneHash");
        }
    }
}
