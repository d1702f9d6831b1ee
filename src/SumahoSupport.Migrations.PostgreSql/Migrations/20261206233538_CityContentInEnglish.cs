using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CityContentInEnglish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessEn",
                table: "Venues",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Venues",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryEn",
                table: "Courses",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThingsToBringEn",
                table: "Courses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Courses",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccessEn",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "SummaryEn",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "ThingsToBringEn",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Courses");
        }
    }
}
