using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Core.Data;

public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and antiforgery keys, shared by every app instance on the same database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<VenueRoom> VenueRooms => Set<VenueRoom>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<LearningGoal> LearningGoals => Set<LearningGoal>();
    public DbSet<ClassSession> ClassSessions => Set<ClassSession>();
    public DbSet<ClassSeries> ClassSeries => Set<ClassSeries>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<Supporter> Supporters => Set<Supporter>();
    public DbSet<TrainingModule> TrainingModules => Set<TrainingModule>();
    public DbSet<TrainingQuestion> TrainingQuestions => Set<TrainingQuestion>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<WeeklyAvailability> WeeklyAvailability => Set<WeeklyAvailability>();
    public DbSet<AvailabilityException> AvailabilityExceptions => Set<AvailabilityException>();
    public DbSet<Consultations.ConsultationSchedule> ConsultationSchedules => Set<Consultations.ConsultationSchedule>();
    public DbSet<Consultations.ConsultationBooking> ConsultationBookings => Set<Consultations.ConsultationBooking>();
    public DbSet<Consultations.SupportLog> SupportLogs => Set<Consultations.SupportLog>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<CallTask> CallTasks => Set<CallTask>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<CanDoAnswer> CanDoAnswers => Set<CanDoAnswer>();
    public DbSet<UnderstandingTally> UnderstandingTallies => Set<UnderstandingTally>();
    public DbSet<SurveyFollowUp> SurveyFollowUps => Set<SurveyFollowUp>();
    public DbSet<SurveyTemplate> SurveyTemplates => Set<SurveyTemplate>();
    public DbSet<ExtraQuestion> ExtraQuestions => Set<ExtraQuestion>();
    public DbSet<ExtraAnswer> ExtraAnswers => Set<ExtraAnswer>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Calendar.InboxMessage> InboxMessages => Set<Calendar.InboxMessage>();
    public DbSet<Accounts.SignInFailure> SignInFailures => Set<Accounts.SignInFailure>();

    /// <summary>
    /// Audit entries are written once and never changed or removed (docs/ARCHITECTURE.md, "Rules" 5). This refuses it
    /// early for tracked entities; triggers in the database refuse it for any statement (migration AuditEntriesImmutable).
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries cannot be changed or deleted.");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(50);
        // SQLite has no sequences; there the one instance counts in memory (CatalogVersion).
        if (!Database.IsSqlite()) builder.HasSequence<long>(CatalogVersion.SequenceName);
        if (Database.IsNpgsql()) QuoteIdentifiersForPostgreSql(builder);
    }

    /// <summary>
    /// Index filters and check constraints are written once, quoting columns as <c>[Name]</c>, which SQLite and SQL
    /// Server both read. PostgreSQL quotes with double quotes (and its column names keep their case only when quoted).
    /// </summary>
    private static void QuoteIdentifiersForPostgreSql(ModelBuilder builder)
    {
        static string Requote(string sql) => BracketedIdentifier().Replace(sql, "\"$1\"");
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetFilter() is { } filter) index.SetFilter(Requote(filter));
            }
            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                entity.RemoveCheckConstraint(check.ModelName);
                entity.AddCheckConstraint(check.ModelName, Requote(check.Sql));
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[(\w+)\]")]
    private static partial System.Text.RegularExpressions.Regex BracketedIdentifier();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime in the database is UTC; say so when reading it back, so conversions to Asia/Tokyo are right.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
