using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SurveyInvitationJob : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SentBySms true was a text the gateway took (SmsSent = 3); false a slip (0).
            migrationBuilder.AddColumn<int>(
                name: "Delivery",
                table: "SurveyInvitations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("UPDATE \"SurveyInvitations\" SET \"Delivery\" = 3 WHERE \"SentBySms\";");

            migrationBuilder.DropColumn(
                name: "SentBySms",
                table: "SurveyInvitations");

            migrationBuilder.AddColumn<string>(
                name: "ExclusiveKey",
                table: "Jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnUrl",
                table: "Jobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_ExclusiveKey_Id",
                table: "Jobs",
                columns: new[] { "ExclusiveKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "UX_Jobs_ExclusiveKey_Active",
                table: "Jobs",
                column: "ExclusiveKey",
                unique: true,
                filter: "\"ExclusiveKey\" IS NOT NULL AND \"Status\" IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_ExclusiveKey_Id",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "UX_Jobs_ExclusiveKey_Active",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "ExclusiveKey",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "ReturnUrl",
                table: "Jobs");

            migrationBuilder.AddColumn<bool>(
                name: "SentBySms",
                table: "SurveyInvitations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE \"SurveyInvitations\" SET \"SentBySms\" = (\"Delivery\" = 3);");

            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "SurveyInvitations");
        }
    }
}
