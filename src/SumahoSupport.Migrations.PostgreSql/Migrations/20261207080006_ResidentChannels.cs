using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SumahoSupport.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ResidentChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CancelAskedBookingId",
                table: "Participants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelAskedUntilUtc",
                table: "Participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LineLinkCode",
                table: "Participants",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LineLinkCodeExpiresAtUtc",
                table: "Participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LineUserId",
                table: "Participants",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "OutboxMessages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryStatus",
                table: "OutboxMessages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderId",
                table: "OutboxMessages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_LineLinkCode",
                table: "Participants",
                column: "LineLinkCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_LineUserId",
                table: "Participants",
                column: "LineUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Channel_CreatedAtUtc",
                table: "OutboxMessages",
                columns: new[] { "Channel", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages",
                column: "ProviderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_LineLinkCode",
                table: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Participants_LineUserId",
                table: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Channel_CreatedAtUtc",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProviderId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "CancelAskedBookingId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "CancelAskedUntilUtc",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "LineLinkCode",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "LineLinkCodeExpiresAtUtc",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "LineUserId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DeliveryStatus",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ProviderId",
                table: "OutboxMessages");
        }
    }
}
