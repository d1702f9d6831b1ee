using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Classes;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> venue)
    {
        venue.Property(v => v.Name).HasMaxLength(100);
        venue.Property(v => v.Address).HasMaxLength(200);
        venue.Property(v => v.Access).HasMaxLength(500);
        venue.Property(v => v.Area).HasMaxLength(Venue.MaxAreaLength);
        venue.Property(v => v.NameEn).HasMaxLength(100);
        venue.Property(v => v.AccessEn).HasMaxLength(500);
        venue.Property(v => v.BarrierFreeNotes).HasMaxLength(500);
        venue.Property(v => v.Phone).HasMaxLength(20);
        venue.OwnsOne(v => v.Location, location =>
        {
            location.Property(l => l.PostalCode).HasMaxLength(8).HasColumnName("PostalCode");
            location.Property(l => l.Prefecture).HasMaxLength(VenueLocation.MaxPartLength).HasColumnName("Prefecture");
            location.Property(l => l.Municipality).HasMaxLength(VenueLocation.MaxPartLength).HasColumnName("Municipality");
            location.Property(l => l.Town).HasMaxLength(VenueLocation.MaxPartLength).HasColumnName("Town");
            location.Property(l => l.Block).HasMaxLength(VenueLocation.MaxPartLength).HasColumnName("Block");
            location.Property(l => l.Building).HasMaxLength(VenueLocation.MaxPartLength).HasColumnName("Building");
            location.Property(l => l.Latitude).HasColumnName("Latitude");
            location.Property(l => l.Longitude).HasColumnName("Longitude");
        });
        venue.Navigation(v => v.Location).IsRequired();
        venue.HasIndex(v => v.Name).IsUnique();
        venue.HasMany(v => v.Rooms).WithOne().HasForeignKey(r => r.VenueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VenueRoomConfiguration : IEntityTypeConfiguration<VenueRoom>
{
    public void Configure(EntityTypeBuilder<VenueRoom> room)
    {
        room.Property(r => r.Name).HasMaxLength(VenueDraft.MaxRoomNameLength);
        room.HasIndex(r => new { r.VenueId, r.Name }).IsUnique();
    }
}
