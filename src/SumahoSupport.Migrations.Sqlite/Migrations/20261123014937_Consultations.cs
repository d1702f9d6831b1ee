using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Consultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultationSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Parallel = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenOnHolidays = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationSchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationSchedules_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationBookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ManageToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConsultationScheduleId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupporterId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Device = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationBookings_ConsultationSchedules_ConsultationScheduleId",
                        column: x => x.ConsultationScheduleId,
                        principalTable: "ConsultationSchedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsultationBookings_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsultationBookings_Supporters_SupporterId",
                        column: x => x.SupporterId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationBookings_Code",
                table: "ConsultationBookings",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationBookings_ManageToken",
                table: "ConsultationBookings",
                column: "ManageToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationBookings_OnePerSeat",
                table: "ConsultationBookings",
                columns: new[] { "ConsultationScheduleId", "StartsAtUtc", "Seat" },
                unique: true,
                filter: "[Status] IN (0, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationBookings_OnePerSupporter",
                table: "ConsultationBookings",
                columns: new[] { "SupporterId", "StartsAtUtc" },
                unique: true,
                filter: "[Status] IN (0, 3) AND [SupporterId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationBookings_ParticipantId",
                table: "ConsultationBookings",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationBookings_StartsAtUtc_Status",
                table: "ConsultationBookings",
                columns: new[] { "StartsAtUtc", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSchedules_LastDate_FirstDate",
                table: "ConsultationSchedules",
                columns: new[] { "LastDate", "FirstDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSchedules_VenueId",
                table: "ConsultationSchedules",
                column: "VenueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationBookings");

            migrationBuilder.DropTable(
                name: "ConsultationSchedules");
        }
    }
}
