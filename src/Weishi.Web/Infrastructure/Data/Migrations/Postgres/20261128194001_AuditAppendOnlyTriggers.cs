using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weishi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <summary>
    /// Hand-written (ADR 005): the database refuses UPDATE, DELETE and TRUNCATE on the audit log, whoever sends them.
    /// </summary>
    public partial class AuditAppendOnlyTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_entries_no_update_or_delete ON "AuditEntries";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");
        }
    }
}
