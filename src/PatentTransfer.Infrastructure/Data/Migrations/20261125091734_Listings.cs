using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentTransfer.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Listings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "listings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    modes = table.Column<string[]>(type: "text[]", nullable: false),
                    price_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    lump_sum = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    royalty_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    entry_fee = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    free_for_smes = table.Column<bool>(type: "boolean", nullable: false),
                    pay_later = table.Column<bool>(type: "boolean", nullable: false),
                    trial_months = table.Column<int>(type: "integer", nullable: true),
                    technical_service = table.Column<bool>(type: "boolean", nullable: false),
                    open_licence = table.Column<bool>(type: "boolean", nullable: false),
                    has_evaluation_report = table.Column<bool>(type: "boolean", nullable: false),
                    co_owners_consent = table.Column<bool>(type: "boolean", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    return_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listings", x => x.id);
                    table.ForeignKey(
                        name: "fk_listings_asp_net_users_reviewed_by_user_id",
                        column: x => x.reviewed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_listings_organisations_holder_organisation_id",
                        column: x => x.holder_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_listings_patents_patent_id",
                        column: x => x.patent_id,
                        principalTable: "patents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_listings_holder_organisation_id",
                table: "listings",
                column: "holder_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_listings_patent_id",
                table: "listings",
                column: "patent_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_listings_reviewed_by_user_id",
                table: "listings",
                column: "reviewed_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_listings_status_holder_organisation_id",
                table: "listings",
                columns: new[] { "status", "holder_organisation_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "listings");
        }
    }
}
