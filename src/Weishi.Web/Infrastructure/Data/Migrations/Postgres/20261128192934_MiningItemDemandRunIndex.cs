using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MiningItemDemandRunIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MiningItems_DemandId",
                table: "MiningItems");

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_DemandId_RunId",
                table: "MiningItems",
                columns: new[] { "DemandId", "RunId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MiningItems_DemandId_RunId",
                table: "MiningItems");

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_DemandId",
                table: "MiningItems",
                column: "DemandId");
        }
    }
}
