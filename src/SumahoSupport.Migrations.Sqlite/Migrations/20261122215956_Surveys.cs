using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SurveyToken",
                table: "Bookings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Understanding = table.Column<int>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    HasSomeoneToAsk = table.Column<bool>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AgeBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Device = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.CheckConstraint("CK_SurveyResponses_Satisfaction", "[Satisfaction] IS NULL OR ([Satisfaction] >= 1 AND [Satisfaction] <= 5)");
                    table.ForeignKey(
                        name: "FK_SurveyResponses_ClassSessions_ClassSessionId",
                        column: x => x.ClassSessionId,
                        principalTable: "ClassSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnderstandingTallies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnderstandingTallies", x => x.Id);
                    table.CheckConstraint("CK_UnderstandingTallies_Count", "[Count] >= 0");
                    table.ForeignKey(
                        name: "FK_UnderstandingTallies_ClassSessions_ClassSessionId",
                        column: x => x.ClassSessionId,
                        principalTable: "ClassSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CanDoAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    LearningGoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CanDoAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CanDoAnswers_SurveyResponses_SurveyResponseId",
                        column: x => x.SurveyResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_SurveyToken",
                table: "Bookings",
                column: "SurveyToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CanDoAnswers_LearningGoalId_Level",
                table: "CanDoAnswers",
                columns: new[] { "LearningGoalId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_CanDoAnswers_SurveyResponseId_LearningGoalId",
                table: "CanDoAnswers",
                columns: new[] { "SurveyResponseId", "LearningGoalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_ClassSessionId_Understanding",
                table: "SurveyResponses",
                columns: new[] { "ClassSessionId", "Understanding" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_TokenHash",
                table: "SurveyResponses",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnderstandingTallies_ClassSessionId_Answer",
                table: "UnderstandingTallies",
                columns: new[] { "ClassSessionId", "Answer" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CanDoAnswers");

            migrationBuilder.DropTable(
                name: "UnderstandingTallies");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_SurveyToken",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "SurveyToken",
                table: "Bookings");
        }
    }
}
