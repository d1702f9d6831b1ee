using Microsoft.EntityFrameworkCore;

namespace SumahoSupport.Core.Data;

/// <summary>
/// A job that one instance at a time may run (reading the calendar replies' mailbox). The instance whose conditional
/// UPDATE takes a free or expired lease runs the job; the others see no row changed and skip this minute. A lease that
/// its holder never gave back (a crash) lapses at <see cref="ExpiresAtUtc"/> (docs/ARCHITECTURE.md, "Concurrency").
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>True when <paramref name="holder"/> now holds <paramref name="name"/> until <paramref name="untilUtc"/>.</summary>
    public static async Task<bool> TryTakeAsync(
        AppDbContext db, UnitOfWork work, string name, string holder, DateTime nowUtc, DateTime untilUtc, CancellationToken ct)
    {
        if (!await db.JobLeases.AnyAsync(j => j.Name == name, ct))
        {
            try
            {
                await work.RunAsync(_ => db.JobLeases.Add(new JobLease { Name = name, ExpiresAtUtc = DateTime.MinValue }), ct);
            }
            catch (DbUpdateException)
            {
                // Another instance added the row first; it is there now either way.
                db.ChangeTracker.Clear();
            }
        }
        return await work.RunAsync(async unit => await unit.UpdateAsync(
            db.JobLeases.Where(j => j.Name == name && (j.ExpiresAtUtc <= nowUtc || j.Holder == holder)),
            j => j.SetProperty(x => x.Holder, holder).SetProperty(x => x.ExpiresAtUtc, untilUtc), ct) == 1, ct);
    }

    /// <summary>Gives the lease back, so that the next minute's run on any instance need not wait for it to lapse.</summary>
    public static Task ReleaseAsync(AppDbContext db, UnitOfWork work, string name, string holder, CancellationToken ct) =>
        work.RunAsync(unit => unit.UpdateAsync(db.JobLeases.Where(j => j.Name == name && j.Holder == holder),
            j => j.SetProperty(x => x.Holder, (string?)null).SetProperty(x => x.ExpiresAtUtc, DateTime.MinValue), ct), ct);
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<JobLease> lease)
    {
        lease.HasKey(j => j.Name);
        lease.Property(j => j.Name).HasMaxLength(50);
        lease.Property(j => j.Holder).HasMaxLength(64);
    }
}
