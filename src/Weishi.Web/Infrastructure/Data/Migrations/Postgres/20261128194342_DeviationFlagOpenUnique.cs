using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeviationFlagOpenUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Scans run twice at once before this index may have opened a flag twice: keep the first of each.
            migrationBuilder.Sql("""
                DELETE FROM "DeviationFlags" WHERE "ResolvedOn" IS NULL AND "Id" NOT IN
                    (SELECT MIN("Id") FROM "DeviationFlags" WHERE "ResolvedOn" IS NULL GROUP BY "ProjectId", "Kind");
                """);
            migrationBuilder.CreateIndex(
                name: "UX_DeviationFlags_Open",
                table: "DeviationFlags",
                columns: new[] { "ProjectId", "Kind" },
                unique: true,
                filter: "\"ResolvedOn\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_DeviationFlags_Open",
                table: "DeviationFlags");
        }
    }
}
