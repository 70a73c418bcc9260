using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentTransfer.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationDismissals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A business table: the app role gets SELECT, INSERT, UPDATE and DELETE on it from
            // PortalDatabase.GrantApplicationRoleAsync, which runs after every migration (decision 0002), as for
            // demand_proposals and deal_requests. Dismissals are changed only by adding them; the audit trail keeps each.
            migrationBuilder.CreateTable(
                name: "recommendation_dismissals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sme_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    dismissed_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dismissed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendation_dismissals", x => x.id);
                    table.ForeignKey(
                        name: "fk_recommendation_dismissals_demands_demand_id",
                        column: x => x.demand_id,
                        principalTable: "demands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendation_dismissals_organisations_sme_organisation_id",
                        column: x => x.sme_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendation_dismissals_patents_patent_id",
                        column: x => x.patent_id,
                        principalTable: "patents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendation_dismissals_users_dismissed_by_user_id",
                        column: x => x.dismissed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_deal_requests_one_open_per_recommended_patent",
                table: "deal_requests",
                columns: new[] { "demand_id", "patent_ids" },
                unique: true,
                filter: "origin = 'Recommendation' AND status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_dismissals_demand_id_patent_id",
                table: "recommendation_dismissals",
                columns: new[] { "demand_id", "patent_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_dismissals_dismissed_by_user_id",
                table: "recommendation_dismissals",
                column: "dismissed_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_dismissals_patent_id_reason",
                table: "recommendation_dismissals",
                columns: new[] { "patent_id", "reason" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_dismissals_sme_organisation_id",
                table: "recommendation_dismissals",
                column: "sme_organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recommendation_dismissals");

            migrationBuilder.DropIndex(
                name: "ux_deal_requests_one_open_per_recommended_patent",
                table: "deal_requests");
        }
    }
}
