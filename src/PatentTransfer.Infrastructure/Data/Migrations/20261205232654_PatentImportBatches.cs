using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentTransfer.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatentImportBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_patents_industries_industry_code",
                table: "patents");

            migrationBuilder.DropIndex(
                name: "ix_patents_industry_code",
                table: "patents");

            migrationBuilder.AlterColumn<string>(
                name: "claims",
                table: "patents",
                type: "character varying(200000)",
                maxLength: 200000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200000)",
                oldMaxLength: 200000,
                oldNullable: true)
                .Annotation("Npgsql:Compression:", "lz4");

            migrationBuilder.AlterColumn<string>(
                name: "abstract",
                table: "patents",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20000)",
                oldMaxLength: 20000)
                .Annotation("Npgsql:Compression:", "lz4");

            migrationBuilder.AddColumn<Guid>(
                name: "import_batch_id",
                table: "patents",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "import_batch_id",
                table: "patents");

            migrationBuilder.AlterColumn<string>(
                name: "claims",
                table: "patents",
                type: "character varying(200000)",
                maxLength: 200000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200000)",
                oldMaxLength: 200000,
                oldNullable: true)
                .OldAnnotation("Npgsql:Compression:", "lz4");

            migrationBuilder.AlterColumn<string>(
                name: "abstract",
                table: "patents",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20000)",
                oldMaxLength: 20000)
                .OldAnnotation("Npgsql:Compression:", "lz4");

            migrationBuilder.CreateIndex(
                name: "ix_patents_industry_code",
                table: "patents",
                column: "industry_code");

            migrationBuilder.AddForeignKey(
                name: "fk_patents_industries_industry_code",
                table: "patents",
                column: "industry_code",
                principalTable: "industries",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
