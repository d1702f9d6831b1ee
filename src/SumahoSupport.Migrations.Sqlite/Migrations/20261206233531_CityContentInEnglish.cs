using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Venues",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryEn",
                table: "Courses",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThingsToBringEn",
                table: "Courses",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Courses",
                type: "TEXT",
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
