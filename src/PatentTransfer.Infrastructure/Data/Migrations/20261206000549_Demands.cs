using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentTransfer.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Demands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demands",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sme_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    industry_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ipc_hint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    keywords = table.Column<string[]>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    targets = table.Column<string>(type: "jsonb", nullable: false),
                    existing_basis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    target_scene = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    budget_negotiable = table.Column<bool>(type: "boolean", nullable: false),
                    budget_min_wan = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    budget_max_wan = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    payment_preferences = table.Column<string[]>(type: "text[]", nullable: false),
                    modes = table.Column<string[]>(type: "text[]", nullable: false),
                    expected_completion = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    confidentiality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    return_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    close_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    close_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reviewed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    renewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demands", x => x.id);
                    table.ForeignKey(
                        name: "fk_demands_asp_net_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_demands_asp_net_users_reviewed_by_user_id",
                        column: x => x.reviewed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_demands_industries_industry_code",
                        column: x => x.industry_code,
                        principalTable: "industries",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_demands_organisations_sme_organisation_id",
                        column: x => x.sme_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "demand_follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sme_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demand_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_demand_follow_ups_asp_net_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_demand_follow_ups_demands_demand_id",
                        column: x => x.demand_id,
                        principalTable: "demands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_demand_follow_ups_organisations_sme_organisation_id",
                        column: x => x.sme_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_demand_follow_ups_author_user_id",
                table: "demand_follow_ups",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_demand_follow_ups_demand_id_date",
                table: "demand_follow_ups",
                columns: new[] { "demand_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_demand_follow_ups_sme_organisation_id",
                table: "demand_follow_ups",
                column: "sme_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_demands_created_by_user_id",
                table: "demands",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_demands_industry_code",
                table: "demands",
                column: "industry_code");

            migrationBuilder.CreateIndex(
                name: "ix_demands_reviewed_by_user_id",
                table: "demands",
                column: "reviewed_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_demands_sme_organisation_id_status",
                table: "demands",
                columns: new[] { "sme_organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_demands_status_published_at",
                table: "demands",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_demands_status_valid_until",
                table: "demands",
                columns: new[] { "status", "valid_until" });

            // The follow-up log is append-only for every role, like the audit trail: only a superuser could
            // disable the trigger. The app role additionally lacks UPDATE/DELETE/TRUNCATE grants
            // (PortalDatabase.GrantApplicationRoleAsync).
            migrationBuilder.Sql("""
                CREATE FUNCTION demand_follow_ups_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'demand_follow_ups is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER demand_follow_ups_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON demand_follow_ups
                    FOR EACH ROW EXECUTE FUNCTION demand_follow_ups_append_only();
                CREATE TRIGGER demand_follow_ups_no_truncate
                    BEFORE TRUNCATE ON demand_follow_ups
                    FOR EACH STATEMENT EXECUTE FUNCTION demand_follow_ups_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS demand_follow_ups_no_truncate ON demand_follow_ups;
                DROP TRIGGER IF EXISTS demand_follow_ups_no_update_or_delete ON demand_follow_ups;
                DROP FUNCTION IF EXISTS demand_follow_ups_append_only();
                """);

            migrationBuilder.DropTable(
                name: "demand_follow_ups");

            migrationBuilder.DropTable(
                name: "demands");
        }
    }
}
