using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResidentLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ConsultationBookings",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                // Bookings made before languages were offered were all made in Japanese.
                defaultValue: "ja");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Bookings",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                // Bookings made before languages were offered were all made in Japanese.
                defaultValue: "ja");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "ConsultationBookings");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Bookings");
        }
    }
}
