using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentTransfer.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DemandProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demand_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    patent_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decline_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    decline_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demand_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_demand_proposals_asp_net_users_decided_by_user_id",
                        column: x => x.decided_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_demand_proposals_asp_net_users_proposed_by_user_id",
                        column: x => x.proposed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_demand_proposals_demands_demand_id",
                        column: x => x.demand_id,
                        principalTable: "demands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_demand_proposals_organisations_holder_organisation_id",
                        column: x => x.holder_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deal_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sme_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_id = table.Column<Guid>(type: "uuid", nullable: true),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    patent_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_deal_requests_asp_net_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deal_requests_demand_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "demand_proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deal_requests_demands_demand_id",
                        column: x => x.demand_id,
                        principalTable: "demands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deal_requests_organisations_holder_organisation_id",
                        column: x => x.holder_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deal_requests_organisations_sme_organisation_id",
                        column: x => x.sme_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deal_requests_created_by_user_id",
                table: "deal_requests",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_deal_requests_demand_id",
                table: "deal_requests",
                column: "demand_id");

            migrationBuilder.CreateIndex(
                name: "ix_deal_requests_holder_organisation_id_created_at",
                table: "deal_requests",
                columns: new[] { "holder_organisation_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_requests_proposal_id",
                table: "deal_requests",
                column: "proposal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deal_requests_sme_organisation_id_created_at",
                table: "deal_requests",
                columns: new[] { "sme_organisation_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_demand_proposals_decided_by_user_id",
                table: "demand_proposals",
                column: "decided_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_demand_proposals_demand_id_status",
                table: "demand_proposals",
                columns: new[] { "demand_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_demand_proposals_holder_organisation_id_created_at",
                table: "demand_proposals",
                columns: new[] { "holder_organisation_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_demand_proposals_proposed_by_user_id",
                table: "demand_proposals",
                column: "proposed_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ux_demand_proposals_one_pending_per_holder",
                table: "demand_proposals",
                columns: new[] { "demand_id", "holder_organisation_id" },
                unique: true,
                filter: "status = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deal_requests");

            migrationBuilder.DropTable(
                name: "demand_proposals");
        }
    }
}
