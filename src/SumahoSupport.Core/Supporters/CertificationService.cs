using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Staffing;

namespace SumahoSupport.Core.Supporters;

public enum LeadGrantResult
{
    Granted,

    /// <summary>Only a Certified supporter (with a current certification) can become Lead.</summary>
    NotCertified,

    /// <summary>Fewer worked classes than <see cref="SupporterOptions.ClassesForLead"/>.</summary>
    NotEnoughClasses,
}

/// <summary>Where a supporter stands against the certification rule; the supporter's page and the coordinator's both show it.</summary>
public sealed record CertificationProgress(
    SupporterStatus Status,
    IReadOnlyList<RequiredModule> RequiredModules,
    int AssistedClasses,
    int AssistedClassesNeeded,
    int WorkedClasses,
    int WorkedClassesForLead,
    Certification? Latest,
    bool ExpiresSoon)
{
    public bool ModulesDone => RequiredModules.All(m => m.Passed);

    public bool MeetsRule => ModulesDone && AssistedClasses >= AssistedClassesNeeded;

    /// <summary>Certified or Lead now; otherwise the page shows the way there (or back, after a lapse).</summary>
    public bool IsCertified => Status is SupporterStatus.Certified or SupporterStatus.Lead;

    /// <summary>Held a certification that expired without the refresh module.</summary>
    public bool HasLapsed => Status == SupporterStatus.Trainee && Latest is not null;
}

public sealed record RequiredModule(int Id, string Title, bool Passed);

/// <summary>
/// The certification rule (settings under <c>Supporters</c>): a Trainee who has passed every required module and assisted in
/// enough held classes becomes Certified; a certification lasts a year from its issue or from the last pass of the annual
/// refresh module; when it lapses the supporter is a Trainee again until they pass the refresh, which restores their level.
/// Lead is granted by a coordinator. Every change writes an AuditEntry and tells the supporter by e-mail.
/// </summary>
public sealed class CertificationService(
    AppDbContext db, UnitOfWork work, TimeProvider clock, AuditLog audit, Notifier notifier, IOptions<SupporterOptions> options)
{
    private SupporterOptions Rule => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CertificationProgress> ProgressAsync(int supporterId, CancellationToken ct)
    {
        var now = Now;
        var passed = db.TrainingRecords.Where(r => r.SupporterId == supporterId && r.Passed).Select(r => r.TrainingModuleId);
        var modules = await db.TrainingModules.AsNoTracking().Where(m => m.IsRequired).OrderBy(m => m.Order)
            .Select(m => new RequiredModule(m.Id, m.Title, passed.Contains(m.Id)))
            .ToListAsync(ct);
        var worked = db.Assignments.Where(a => a.SupporterId == supporterId).Worked(now);
        var assisted = await worked.CountAsync(a => a.Role == AssignmentRole.Assistant, ct);
        var all = await worked.CountAsync(ct);
        var latest = await db.Certifications.AsNoTracking().Where(c => c.SupporterId == supporterId)
            .OrderByDescending(c => c.IssuedAtUtc).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        var expiresSoon = latest is not null && latest.ExpiresAtUtc > now && latest.ExpiresAtUtc <= now.AddDays(Rule.ExpiryNoticeDays);
        var status = await db.Supporters.Where(s => s.Id == supporterId).Select(s => s.Status).SingleAsync(ct);
        return new CertificationProgress(status, modules, assisted, Rule.AssistedClassesForCertification, all, Rule.ClassesForLead, latest, expiresSoon);
    }

    /// <summary>
    /// Applies the rule to one supporter after something changed (a test passed, attendance recorded, a class ended):
    /// certifies a Trainee who now meets it, reinstates a lapsed one who has passed the refresh since, renews a current
    /// certification when the refresh was passed after it was issued. Returns the certification issued, if any.
    /// </summary>
    public async Task<Certification?> EvaluateAsync(int supporterId, CancellationToken ct)
    {
        return await work.RunAsync(async unit =>
        {
            // Every app instance's minute loop, and a test passed at the same moment, may evaluate one supporter: the
            // decision is made under the supporter's lock, so only the first issues a certification and the rest see it.
            await LockAsync(supporterId, ct);
            var supporter = await db.Supporters.SingleOrDefaultAsync(s => s.Id == supporterId, ct)
                ?? throw new KeyNotFoundException($"Supporter {supporterId}");
            var latest = await db.Certifications.Where(c => c.SupporterId == supporterId)
                .OrderByDescending(c => c.IssuedAtUtc).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            var lastRefresh = await db.TrainingRecords
                .Where(r => r.SupporterId == supporterId && r.Passed && r.TrainingModule.Code == Rule.RefreshModuleCode)
                .MaxAsync(r => (DateTime?)r.CompletedAtUtc, ct);

            Certification? issued = null;
            if (supporter.Status == SupporterStatus.Trainee && latest is null)
            {
                if ((await ProgressAsync(supporterId, ct)).MeetsRule) issued = Issue(supporter, SupporterStatus.Certified, CertificationBasis.Training, null);
            }
            else if (supporter.Status == SupporterStatus.Trainee && latest is not null)
            {
                if (lastRefresh >= latest.ExpiresAtUtc) issued = Issue(supporter, latest.Level, CertificationBasis.Reinstatement, null);
            }
            else if (supporter.Status is SupporterStatus.Certified or SupporterStatus.Lead && lastRefresh > (latest?.IssuedAtUtc ?? DateTime.MinValue))
            {
                issued = Issue(supporter, supporter.Status, CertificationBasis.Renewal, null);
            }
            if (issued is not null) await TellAsync(issued, ct);
            return issued;
        }, ct);
    }

    /// <summary>Certified or Lead on a certification that has expired without a renewal.</summary>
    private static IQueryable<Supporter> Lapsed(IQueryable<Supporter> supporters, DateTime now) => supporters
        .Where(s => (s.Status == SupporterStatus.Certified || s.Status == SupporterStatus.Lead)
            && s.Certifications.Any() && !s.Certifications.Any(c => c.ExpiresAtUtc > now));

    private Task LockAsync(int supporterId, CancellationToken ct) => db.Database.LockAsync($"supporter-certification:{supporterId}", ct);

    public async Task<LeadGrantResult> GrantLeadAsync(int supporterId, CancellationToken ct)
    {
        return await work.RunAsync(async unit =>
        {
            // Two coordinators pressing the button at the same moment grant Lead once.
            await LockAsync(supporterId, ct);
            var supporter = await db.Supporters.SingleOrDefaultAsync(s => s.Id == supporterId, ct)
                ?? throw new KeyNotFoundException($"Supporter {supporterId}");
            if (supporter.Status != SupporterStatus.Certified) return LeadGrantResult.NotCertified;
            if ((await ProgressAsync(supporterId, ct)).WorkedClasses < Rule.ClassesForLead) return LeadGrantResult.NotEnoughClasses;

            // Lead does not extend validity: it lapses with the certification it stands on.
            var current = await db.Certifications.Where(c => c.SupporterId == supporterId).MaxAsync(c => (DateTime?)c.ExpiresAtUtc, ct);
            var issued = Issue(supporter, SupporterStatus.Lead, CertificationBasis.LeadGrant, current);
            await TellAsync(issued, ct);
            return LeadGrantResult.Granted;
        }, ct);
    }

    /// <summary>
    /// Run every minute with the reminders: lapses expired certifications (back to Trainee), and certifies Trainees whose
    /// assisted classes have ended since they last passed a module. Returns how many supporters changed.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = Now;
        var lapsed = 0;
        foreach (var due in await Lapsed(db.Supporters, now).Select(s => new { s.Id, s.Status }).ToListAsync(ct))
        {
            var (id, level) = (due.Id, due.Status);
            // Claimed under the supporter's lock by an UPDATE that repeats the rule: another instance's sweep changes
            // nothing and tells no one a second time; a renewal committed just before is seen.
            if (await work.RunAsync(async unit =>
                {
                    await LockAsync(id, ct);
                    if (await unit.UpdateAsync(Lapsed(db.Supporters.Where(s => s.Id == id), now), s => s.SetProperty(x => x.Status, SupporterStatus.Trainee), ct) == 0)
                        return unit.Discard(false);
                    audit.Record("supporter.certification-lapsed", nameof(Supporter), id, $"was={level}");
                    await notifier.SupporterAsync(id, SupporterNotice.Lapsed, null, ct);
                    return true;
                }, ct)) lapsed++;
        }

        // Only Trainees who have finished the modules, never held a certification and now have enough worked classes can
        // be waiting on a class to end — asked of the database, so the minute loop does not re-evaluate everyone still
        // short of classes one by one.
        var requiredCount = await db.TrainingModules.CountAsync(m => m.IsRequired, ct);
        var enoughClasses = db.Assignments.Worked(now).Where(a => a.Role == AssignmentRole.Assistant)
            .GroupBy(a => a.SupporterId).Where(g => g.Count() >= Rule.AssistedClassesForCertification).Select(g => g.Key);
        var candidates = await db.Supporters
            .Where(s => s.Status == SupporterStatus.Trainee && !s.Certifications.Any()
                && s.TrainingRecords.Where(r => r.Passed && r.TrainingModule.IsRequired).Select(r => r.TrainingModuleId).Distinct().Count() == requiredCount
                && (Rule.AssistedClassesForCertification <= 0 || enoughClasses.Contains(s.Id)))
            .Select(s => s.Id)
            .ToListAsync(ct);
        var certified = 0;
        foreach (var id in candidates)
        {
            if (await EvaluateAsync(id, ct) is not null) certified++;
        }
        return lapsed + certified;
    }

    private Certification Issue(Supporter supporter, SupporterStatus level, CertificationBasis basis, DateTime? expiresAtUtc)
    {
        var now = Now;
        supporter.Status = level;
        supporter.CertifiedAtUtc ??= now;
        var certification = new Certification
        {
            SupporterId = supporter.Id,
            Level = level,
            Basis = basis,
            IssuedAtUtc = now,
            ExpiresAtUtc = expiresAtUtc ?? now.AddMonths(Rule.CertificationValidMonths),
            PublicId = Certification.NewPublicId(),
        };
        db.Certifications.Add(certification);
        audit.Record(basis switch
        {
            CertificationBasis.Training => "supporter.certified",
            CertificationBasis.Renewal => "supporter.certification-renewed",
            CertificationBasis.Reinstatement => "supporter.certification-reinstated",
            _ => "supporter.lead-granted",
        }, nameof(Supporter), supporter.Id, $"level={level} expires={certification.ExpiresAtUtc:yyyy-MM-dd}");
        return certification;
    }

    /// <summary>The mail is written into the unit of the certification, so neither exists without the other.</summary>
    private Task TellAsync(Certification issued, CancellationToken ct) =>
        notifier.SupporterAsync(issued.SupporterId, SupporterNotice.Certified, issued, ct);
}
