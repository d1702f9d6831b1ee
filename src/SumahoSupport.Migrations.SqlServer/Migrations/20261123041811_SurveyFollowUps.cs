using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SurveyFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WantsFollowUp",
                table: "SurveyResponses",
                type: "bit",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveyFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SurveyResponseId = table.Column<long>(type: "bigint", nullable: false),
                    BookingId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ConsultationBookingId = table.Column<int>(type: "int", nullable: true),
                    RepeatBookingId = table.Column<int>(type: "int", nullable: true),
                    SecondUnderstanding = table.Column<int>(type: "int", nullable: true),
                    SecondAnsweredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StatusChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyFollowUps_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyFollowUps_Bookings_RepeatBookingId",
                        column: x => x.RepeatBookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyFollowUps_ConsultationBookings_ConsultationBookingId",
                        column: x => x.ConsultationBookingId,
                        principalTable: "ConsultationBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyFollowUps_SurveyResponses_SurveyResponseId",
                        column: x => x.SurveyResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyFollowUps_BookingId",
                table: "SurveyFollowUps",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyFollowUps_ConsultationBookingId",
                table: "SurveyFollowUps",
                column: "ConsultationBookingId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyFollowUps_RepeatBookingId",
                table: "SurveyFollowUps",
                column: "RepeatBookingId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyFollowUps_Status_CreatedAtUtc",
                table: "SurveyFollowUps",
                columns: new[] { "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyFollowUps_SurveyResponseId",
                table: "SurveyFollowUps",
                column: "SurveyResponseId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyFollowUps");

            migrationBuilder.DropColumn(
                name: "WantsFollowUp",
                table: "SurveyResponses");
        }
    }
}
