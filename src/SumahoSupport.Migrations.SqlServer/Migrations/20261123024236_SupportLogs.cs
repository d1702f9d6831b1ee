using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SupportLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportLogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupporterId = table.Column<int>(type: "int", nullable: false),
                    ConsultationBookingId = table.Column<int>(type: "int", nullable: true),
                    Mode = table.Column<int>(type: "int", nullable: false),
                    VenueId = table.Column<int>(type: "int", nullable: true),
                    HeldAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Minutes = table.Column<int>(type: "int", nullable: false),
                    Topics = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Resolution = table.Column<int>(type: "int", nullable: false),
                    FollowUpNeeded = table.Column<bool>(type: "bit", nullable: false),
                    ReferredTo = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportLogs_ConsultationBookings_ConsultationBookingId",
                        column: x => x.ConsultationBookingId,
                        principalTable: "ConsultationBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportLogs_Supporters_SupporterId",
                        column: x => x.SupporterId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportLogs_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportLogs_ConsultationBookingId",
                table: "SupportLogs",
                column: "ConsultationBookingId",
                unique: true,
                filter: "[ConsultationBookingId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupportLogs_HeldAtUtc",
                table: "SupportLogs",
                column: "HeldAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SupportLogs_SupporterId_HeldAtUtc",
                table: "SupportLogs",
                columns: new[] { "SupporterId", "HeldAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportLogs_VenueId",
                table: "SupportLogs",
                column: "VenueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportLogs");
        }
    }
}
