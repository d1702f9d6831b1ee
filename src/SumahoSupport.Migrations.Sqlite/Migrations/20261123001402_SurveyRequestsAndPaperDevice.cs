using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SurveyRequestsAndPaperDevice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Paper forms entered before this migration had no 端末 box; their stored 0 meant "not asked", not 持っていない.
            // SQLite makes the column nullable by rebuilding the table at the end of the migration, so NULL cannot be
            // written yet: they are marked -1 here, before the rebuild, and PaperDeviceNotAsked turns -1 into NULL.
            migrationBuilder.Sql("UPDATE SurveyResponses SET Device = -1 WHERE Channel = 2");

            migrationBuilder.AlterColumn<int>(
                name: "Device",
                table: "SurveyResponses",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<DateTime>(
                name: "SurveyRequestedAtUtc",
                table: "Bookings",
                type: "TEXT",
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
