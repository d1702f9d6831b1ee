using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClassSeriesAndAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "ClassSessions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClassSessionId = table.Column<int>(type: "int", nullable: false),
                    SupporterId = table.Column<int>(type: "int", nullable: false),
                    Role = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_ClassSessions_ClassSessionId",
                        column: x => x.ClassSessionId,
                        principalTable: "ClassSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assignments_Supporters_SupporterId",
                        column: x => x.SupporterId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClassSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CourseId = table.Column<int>(type: "int", nullable: false),
                    VenueId = table.Column<int>(type: "int", nullable: false),
                    RecurrenceRule = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    FirstStartsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DurationMinutes = table.Column<int>(type: "int", nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    LoanerDevices = table.Column<int>(type: "int", nullable: false),
                    BookingCutoffMinutes = table.Column<int>(type: "int", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    KeepHolidays = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassSeries_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClassSeries_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClassSessions_SeriesId",
                table: "ClassSessions",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ClassSessionId_SupporterId",
                table: "Assignments",
                columns: new[] { "ClassSessionId", "SupporterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_SupporterId_ClassSessionId",
                table: "Assignments",
                columns: new[] { "SupporterId", "ClassSessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassSeries_CourseId",
                table: "ClassSeries",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassSeries_VenueId",
                table: "ClassSeries",
                column: "VenueId");

            migrationBuilder.AddForeignKey(
                name: "FK_ClassSessions_ClassSeries_SeriesId",
                table: "ClassSessions",
                column: "SeriesId",
                principalTable: "ClassSeries",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ClassSessions_ClassSeries_SeriesId",
                table: "ClassSessions");

            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "ClassSeries");

            migrationBuilder.DropIndex(
                name: "IX_ClassSessions_SeriesId",
                table: "ClassSessions");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "ClassSessions");
        }
    }
}
