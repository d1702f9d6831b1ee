using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaperDeviceNotAsked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The paper forms SurveyRequestsAndPaperDevice marked -1 (entered before the 端末 box): "not asked". A file
            // that went through it before this split had no such forms (the NULL could not be written), so none are -1.
            migrationBuilder.Sql("UPDATE SurveyResponses SET Device = NULL WHERE Device = -1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
