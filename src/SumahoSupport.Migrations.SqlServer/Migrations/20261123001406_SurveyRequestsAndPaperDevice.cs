using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SurveyRequestsAndPaperDevice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "Device",
                table: "SurveyResponses",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            // Paper forms entered before this migration had no 端末 box; their stored 0 meant "not asked", not 持っていない.
            migrationBuilder.Sql("UPDATE SurveyResponses SET Device = NULL WHERE Channel = 2");

            migrationBuilder.AddColumn<DateTime>(
                name: "SurveyRequestedAtUtc",
                table: "Bookings",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SurveyRequestedAtUtc",
                table: "Bookings");

            migrationBuilder.AlterColumn<int>(
                name: "Device",
                table: "SurveyResponses",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);
        }
    }
}
