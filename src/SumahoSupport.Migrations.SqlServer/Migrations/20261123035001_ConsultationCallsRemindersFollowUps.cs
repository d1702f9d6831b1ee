using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationCallsRemindersFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CallTasks_OneReminderPerBooking",
                table: "CallTasks");

            migrationBuilder.AddColumn<DateTime>(
                name: "FollowUpDoneAtUtc",
                table: "SupportLogs",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpDoneBy",
                table: "SupportLogs",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecurrenceRule",
                table: "ConsultationSchedules",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemindedAtUtc",
                table: "ConsultationBookings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "BookingId",
                table: "CallTasks",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<int>(
                name: "ConsultationBookingId",
                table: "CallTasks",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportLogs_FollowUpNeeded_FollowUpDoneAtUtc",
                table: "SupportLogs",
                columns: new[] { "FollowUpNeeded", "FollowUpDoneAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CallTasks_OneReminderPerBooking",
                table: "CallTasks",
                columns: new[] { "BookingId", "Reason" },
                unique: true,
                filter: "[Reason] = 0 AND [BookingId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CallTasks_OneReminderPerConsultation",
                table: "CallTasks",
                columns: new[] { "ConsultationBookingId", "Reason" },
                unique: true,
                filter: "[Reason] = 0 AND [ConsultationBookingId] IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_CallTasks_OneBooking",
                table: "CallTasks",
                sql: "([BookingId] IS NOT NULL AND [ConsultationBookingId] IS NULL) OR ([BookingId] IS NULL AND [ConsultationBookingId] IS NOT NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_CallTasks_ConsultationBookings_ConsultationBookingId",
                table: "CallTasks",
                column: "ConsultationBookingId",
                principalTable: "ConsultationBookings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CallTasks_ConsultationBookings_ConsultationBookingId",
                table: "CallTasks");

            migrationBuilder.DropIndex(
                name: "IX_SupportLogs_FollowUpNeeded_FollowUpDoneAtUtc",
                table: "SupportLogs");

            migrationBuilder.DropIndex(
                name: "IX_CallTasks_OneReminderPerBooking",
                table: "CallTasks");

            migrationBuilder.DropIndex(
                name: "IX_CallTasks_OneReminderPerConsultation",
                table: "CallTasks");

            migrationBuilder.DropCheckConstraint(
                name: "CK_CallTasks_OneBooking",
                table: "CallTasks");

            migrationBuilder.DropColumn(
                name: "FollowUpDoneAtUtc",
                table: "SupportLogs");

            migrationBuilder.DropColumn(
                name: "FollowUpDoneBy",
                table: "SupportLogs");

            migrationBuilder.DropColumn(
                name: "RecurrenceRule",
                table: "ConsultationSchedules");

            migrationBuilder.DropColumn(
                name: "RemindedAtUtc",
                table: "ConsultationBookings");

            migrationBuilder.DropColumn(
                name: "ConsultationBookingId",
                table: "CallTasks");

            migrationBuilder.AlterColumn<int>(
                name: "BookingId",
                table: "CallTasks",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallTasks_OneReminderPerBooking",
                table: "CallTasks",
                columns: new[] { "BookingId", "Reason" },
                unique: true,
                filter: "[Reason] = 0");
        }
    }
}
