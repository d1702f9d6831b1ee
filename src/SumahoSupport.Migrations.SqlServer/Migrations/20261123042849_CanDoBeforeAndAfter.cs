using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CanDoBeforeAndAfter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CanDoAnswers_LearningGoalId_Level",
                table: "CanDoAnswers");

            migrationBuilder.DropIndex(
                name: "IX_CanDoAnswers_SurveyResponseId_LearningGoalId",
                table: "CanDoAnswers");

            migrationBuilder.AddColumn<bool>(
                name: "AsksCanDoBefore",
                table: "Courses",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Before",
                table: "CanDoAnswers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_CanDoAnswers_LearningGoalId_Before_Level",
                table: "CanDoAnswers",
                columns: new[] { "LearningGoalId", "Before", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_CanDoAnswers_SurveyResponseId_LearningGoalId_Before",
                table: "CanDoAnswers",
                columns: new[] { "SurveyResponseId", "LearningGoalId", "Before" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CanDoAnswers_LearningGoalId_Before_Level",
                table: "CanDoAnswers");

            migrationBuilder.DropIndex(
                name: "IX_CanDoAnswers_SurveyResponseId_LearningGoalId_Before",
                table: "CanDoAnswers");

            migrationBuilder.DropColumn(
                name: "AsksCanDoBefore",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "Before",
                table: "CanDoAnswers");

            migrationBuilder.CreateIndex(
                name: "IX_CanDoAnswers_LearningGoalId_Level",
                table: "CanDoAnswers",
                columns: new[] { "LearningGoalId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_CanDoAnswers_SurveyResponseId_LearningGoalId",
                table: "CanDoAnswers",
                columns: new[] { "SurveyResponseId", "LearningGoalId" },
                unique: true);
        }
    }
}
