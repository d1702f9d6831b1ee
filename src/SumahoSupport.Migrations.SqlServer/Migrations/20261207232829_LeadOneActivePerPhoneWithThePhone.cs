using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LeadOneActivePerPhoneWithThePhone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_OneActivePerPhone",
                table: "Bookings");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OneActivePerPhone",
                table: "Bookings",
                columns: new[] { "PhoneKey", "ClassSessionId" },
                unique: true,
                filter: "[Status] IN (0, 1)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_OneActivePerPhone",
                table: "Bookings");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OneActivePerPhone",
                table: "Bookings",
                columns: new[] { "ClassSessionId", "PhoneKey" },
                unique: true,
                filter: "[Status] IN (0, 1)");
        }
    }
}
