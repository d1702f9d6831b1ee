using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SurveyResponseParticipantLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ParticipantId",
                table: "SurveyResponses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_ParticipantId",
                table: "SurveyResponses",
                column: "ParticipantId");

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyResponses_Participants_ParticipantId",
                table: "SurveyResponses",
                column: "ParticipantId",
                principalTable: "Participants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SurveyResponses_Participants_ParticipantId",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_ParticipantId",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "ParticipantId",
                table: "SurveyResponses");
        }
    }
}
