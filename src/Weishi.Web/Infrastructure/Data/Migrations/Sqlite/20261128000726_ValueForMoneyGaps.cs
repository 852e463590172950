using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ValueForMoneyGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PriceYear",
                table: "CostNorms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "InspectionIntervals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionIntervals", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "InspectionIntervals",
                columns: new[] { "Id", "Kind", "Months" },
                values: new object[,]
                {
                    { 1, 1, 3 },
                    { 2, 2, 12 },
                    { 3, 3, 6 },
                    { 4, 4, 6 },
                    { 5, 5, 3 },
                    { 6, 6, 12 },
                    { 7, 7, 6 },
                    { 8, 8, 12 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionIntervals_Kind",
                table: "InspectionIntervals",
                column: "Kind",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionIntervals");

            migrationBuilder.DropColumn(
                name: "PriceYear",
                table: "CostNorms");
        }
    }
}
