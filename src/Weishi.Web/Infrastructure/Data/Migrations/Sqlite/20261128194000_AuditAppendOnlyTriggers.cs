using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// Hand-written (ADR 005): the database refuses UPDATE and DELETE on the audit log, whoever sends them. SQLite drops a
    /// table's triggers with the table, so a later migration that rebuilds AuditEntries must create these again.
    /// </summary>
    public partial class AuditAppendOnlyTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, '审计日志只能追加，不能修改或删除');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, '审计日志只能追加，不能修改或删除');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_update";""");
        }
    }
}
