using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SurveyTemplatesAndExtraQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SurveyTemplateId",
                table: "Courses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExtraQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 306, nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtraQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtraQuestions_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnderstandingText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SatisfactionText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CanDoText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SomeoneToAskText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommentText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AsksSatisfaction = table.Column<bool>(type: "INTEGER", nullable: false),
                    AsksSomeoneToAsk = table.Column<bool>(type: "INTEGER", nullable: false),
                    AsksComment = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExtraAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ExtraQuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtraAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtraAnswers_ExtraQuestions_ExtraQuestionId",
                        column: x => x.ExtraQuestionId,
                        principalTable: "ExtraQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExtraAnswers_SurveyResponses_SurveyResponseId",
                        column: x => x.SurveyResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_SurveyTemplateId",
                table: "Courses",
                column: "SurveyTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtraAnswers_ExtraQuestionId_Value",
                table: "ExtraAnswers",
                columns: new[] { "ExtraQuestionId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtraAnswers_SurveyResponseId_ExtraQuestionId",
                table: "ExtraAnswers",
                columns: new[] { "SurveyResponseId", "ExtraQuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExtraQuestions_CourseId_Order",
                table: "ExtraQuestions",
                columns: new[] { "CourseId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTemplates_Code",
                table: "SurveyTemplates",
                column: "Code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Courses_SurveyTemplates_SurveyTemplateId",
                table: "Courses",
                column: "SurveyTemplateId",
                principalTable: "SurveyTemplates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Courses_SurveyTemplates_SurveyTemplateId",
                table: "Courses");

            migrationBuilder.DropTable(
                name: "ExtraAnswers");

            migrationBuilder.DropTable(
                name: "SurveyTemplates");

            migrationBuilder.DropTable(
                name: "ExtraQuestions");

            migrationBuilder.DropIndex(
                name: "IX_Courses_SurveyTemplateId",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "SurveyTemplateId",
                table: "Courses");
        }
    }
}
