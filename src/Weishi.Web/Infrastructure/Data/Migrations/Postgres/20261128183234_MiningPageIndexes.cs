using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MiningPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MiningItems_RunId_TopicNumber",
                table: "MiningItems");

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_Category_DemandId",
                table: "MiningItems",
                columns: new[] { "RunId", "Category", "DemandId" });

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_Confidence",
                table: "MiningItems",
                columns: new[] { "RunId", "Confidence" });

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_TopicNumber_Category",
                table: "MiningItems",
                columns: new[] { "RunId", "TopicNumber", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MiningItems_RunId_Category_DemandId",
                table: "MiningItems");

            migrationBuilder.DropIndex(
                name: "IX_MiningItems_RunId_Confidence",
                table: "MiningItems");

            migrationBuilder.DropIndex(
                name: "IX_MiningItems_RunId_TopicNumber_Category",
                table: "MiningItems");

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_TopicNumber",
                table: "MiningItems",
                columns: new[] { "RunId", "TopicNumber" });
        }
    }
}
