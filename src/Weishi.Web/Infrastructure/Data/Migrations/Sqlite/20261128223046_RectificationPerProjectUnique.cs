using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RectificationPerProjectUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No duplicates to remove first: until now the survey was unique and a project has one survey, so a
            // second scan's rectification for the same project was refused already (and its scan failed).
            migrationBuilder.DropIndex(
                name: "IX_Rectifications_ProjectId",
                table: "Rectifications");

            migrationBuilder.DropIndex(
                name: "IX_Rectifications_SurveyId",
                table: "Rectifications");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_ProjectId",
                table: "Rectifications",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_SurveyId",
                table: "Rectifications",
                column: "SurveyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rectifications_ProjectId",
                table: "Rectifications");

            migrationBuilder.DropIndex(
                name: "IX_Rectifications_SurveyId",
                table: "Rectifications");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_ProjectId",
                table: "Rectifications",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_SurveyId",
                table: "Rectifications",
                column: "SurveyId",
                unique: true);
        }
    }
}
