using Microsoft.EntityFrameworkCore;

namespace SumahoSupport.Core.Data;

/// <summary>
/// A daily job's last run (Tokyo date). Several app instances each run the minute loop; the one whose conditional UPDATE
/// moves the date claims the day's run, the others see no row changed and skip it (docs/ARCHITECTURE.md, "Concurrency").
/// </summary>
public sealed class JobRun
{
    public required string Name { get; set; }
    public DateOnly LastRunOn { get; set; }

    /// <summary>True for the one caller that claims <paramref name="today"/>'s run of <paramref name="name"/>.</summary>
    public static async Task<bool> ClaimTodayAsync(AppDbContext db, UnitOfWork work, string name, DateOnly today, CancellationToken ct)
    {
        if (!await db.JobRuns.AnyAsync(j => j.Name == name, ct))
        {
            try
            {
                await work.RunAsync(_ => db.JobRuns.Add(new JobRun { Name = name, LastRunOn = DateOnly.MinValue }), ct);
            }
            catch (DbUpdateException)
            {
                // Another instance added the row first; it is there now either way.
                db.ChangeTracker.Clear();
            }
        }
        return await work.RunAsync(async unit => await unit.UpdateAsync(db.JobRuns.Where(j => j.Name == name && j.LastRunOn < today),
            j => j.SetProperty(x => x.LastRunOn, today), ct) == 1, ct);
    }
}

internal sealed class JobRunConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<JobRun>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<JobRun> job)
    {
        job.HasKey(j => j.Name);
        job.Property(j => j.Name).HasMaxLength(50);
    }
}
