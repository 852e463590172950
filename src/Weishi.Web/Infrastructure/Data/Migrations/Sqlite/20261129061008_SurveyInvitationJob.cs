using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveyInvitationJob : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "SentBySms",
                table: "SurveyInvitations",
                newName: "Delivery");

            // SentBySms true (1) was a text the gateway took: SmsSent = 3; false (0) a slip, the same 0.
            migrationBuilder.Sql("UPDATE \"SurveyInvitations\" SET \"Delivery\" = 3 WHERE \"Delivery\" = 1;");

            migrationBuilder.AddColumn<string>(
                name: "ExclusiveKey",
                table: "Jobs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnUrl",
                table: "Jobs",
                type: "TEXT",
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

            migrationBuilder.Sql("UPDATE \"SurveyInvitations\" SET \"Delivery\" = CASE WHEN \"Delivery\" = 3 THEN 1 ELSE 0 END;");

            migrationBuilder.RenameColumn(
                name: "Delivery",
                table: "SurveyInvitations",
                newName: "SentBySms");
        }
    }
}
