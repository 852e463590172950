using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MiningItemGroupDemandIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MiningItems_RunId_DuplicateGroup",
                table: "MiningItems");

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_DuplicateGroup_DemandId",
                table: "MiningItems",
                columns: new[] { "RunId", "DuplicateGroup", "DemandId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MiningItems_RunId_DuplicateGroup_DemandId",
                table: "MiningItems");

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_DuplicateGroup",
                table: "MiningItems",
                columns: new[] { "RunId", "DuplicateGroup" });
        }
    }
}
