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
