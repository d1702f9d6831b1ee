using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PhoneKeyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Bookings_PhoneKey_Status",
                table: "Bookings",
                columns: new[] { "PhoneKey", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_PhoneKey_Status",
                table: "Bookings");
        }
    }
}
