using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PatentTransfer.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatentCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    publication_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    @abstract = table.Column<string>(name: "abstract", type: "character varying(20000)", maxLength: 20000, nullable: false),
                    claims = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: true),
                    main_ipc = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    further_ipc = table.Column<string[]>(type: "text[]", nullable: false),
                    locarno = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    holder_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    co_owners = table.Column<string[]>(type: "text[]", nullable: false),
                    inventors = table.Column<string[]>(type: "text[]", nullable: false),
                    filing_date = table.Column<DateOnly>(type: "date", nullable: false),
                    publication_date = table.Column<DateOnly>(type: "date", nullable: true),
                    grant_date = table.Column<DateOnly>(type: "date", nullable: true),
                    last_day_of_protection = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    keywords = table.Column<string[]>(type: "text[]", nullable: false),
                    industry_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patents", x => x.id);
                    table.ForeignKey(
                        name: "fk_patents_industries_industry_code",
                        column: x => x.industry_code,
                        principalTable: "industries",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_patents_organisations_holder_organisation_id",
                        column: x => x.holder_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "patent_legal_events",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patent_legal_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_patent_legal_events_patents_patent_id",
                        column: x => x.patent_id,
                        principalTable: "patents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patent_legal_events_patent_id_date",
                table: "patent_legal_events",
                columns: new[] { "patent_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_patents_application_number",
                table: "patents",
                column: "application_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patents_holder_organisation_id",
                table: "patents",
                column: "holder_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_patents_industry_code",
                table: "patents",
                column: "industry_code");

            migrationBuilder.CreateIndex(
                name: "ix_patents_main_ipc",
                table: "patents",
                column: "main_ipc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patent_legal_events");

            migrationBuilder.DropTable(
                name: "patents");
        }
    }
}
