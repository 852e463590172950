using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MiningTopicRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "MiningItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MiningTopicRegions",
                columns: table => new
                {
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MiningTopicRegions", x => new { x.RunId, x.TopicNumber, x.RegionId });
                    table.ForeignKey(
                        name: "FK_MiningTopicRegions_MiningRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "MiningRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MiningTopicRegions_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_TopicNumber_DemandId",
                table: "MiningItems",
                columns: new[] { "RunId", "TopicNumber", "DemandId" });

            migrationBuilder.CreateIndex(
                name: "IX_MiningItems_RunId_TopicNumber_RegionId_DemandId",
                table: "MiningItems",
                columns: new[] { "RunId", "TopicNumber", "RegionId", "DemandId" });

            migrationBuilder.CreateIndex(
                name: "IX_MiningTopicRegions_RegionId",
                table: "MiningTopicRegions",
                column: "RegionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MiningTopicRegions");

            migrationBuilder.DropIndex(
                name: "IX_MiningItems_RunId_TopicNumber_DemandId",
                table: "MiningItems");

            migrationBuilder.DropIndex(
                name: "IX_MiningItems_RunId_TopicNumber_RegionId_DemandId",
                table: "MiningItems");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "MiningItems");
        }
    }
}
