using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.SqlServer.Migrations
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
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                // Bookings made before languages were offered were all made in Japanese.
                defaultValue: "ja");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Bookings",
                type: "nvarchar(8)",
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
