using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Supporters;

/// <summary>What a volunteer sends from the online application form.</summary>
public sealed record SupporterApplication(
    string Name, string Kana, string Phone, string Email, string? Area, bool KnowsAndroid, bool KnowsIPhone,
    IReadOnlyCollection<WeeklySlot> Availability, string? Note);

/// <summary>A weekly time, Japan time, in minutes after midnight.</summary>
public sealed record WeeklySlot(DayOfWeek Weekday, int StartMinute, int EndMinute);

public enum ApplyResult
{
    Applied,

    /// <summary>A supporter with this phone number or e-mail address is already registered.</summary>
    AlreadyRegistered,
}

public enum ApprovalResult
{
    Approved,
    NotApplicant,

    /// <summary>The address already belongs to a staff account or another supporter.</summary>
    EmailInUse,
}

public enum DayOffResult
{
    Added,
    InThePast,
    AlreadyOff,
}

/// <summary>Applications, approval, activity status and availability of スマホ支援員.</summary>
public sealed class SupporterService(
    AppDbContext db, UnitOfWork work, TimeProvider clock, AuditLog audit, Notifier notifier,
    StaffAccountService accounts, UserManager<AppUser> users, ISiteLinks links)
{
    public async Task<(ApplyResult Result, int? SupporterId)> ApplyAsync(SupporterApplication application, CancellationToken ct)
    {
        var phone = PhoneNumber.Normalize(application.Phone) ?? throw new ArgumentException("Unreadable phone number.", nameof(application));
        var email = application.Email.Trim();
        if (await db.Supporters.AnyAsync(s => s.Phone == phone || s.Email == email, ct)) return (ApplyResult.AlreadyRegistered, null);

        var supporter = new Supporter
        {
            Name = application.Name,
            Kana = application.Kana,
            Phone = phone,
            Email = email,
            Area = application.Area,
            KnowsAndroid = application.KnowsAndroid,
            KnowsIPhone = application.KnowsIPhone,
            ApplicationNote = application.Note,
            Status = SupporterStatus.Applicant,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            WeeklyAvailability = application.Availability.Distinct()
                .Select(a => new WeeklyAvailability { Weekday = a.Weekday, StartMinute = a.StartMinute, EndMinute = a.EndMinute }).ToList(),
        };
        await work.RunAsync(async unit =>
        {
            db.Supporters.Add(supporter);
            await unit.SaveAsync(ct);
            audit.Record("supporter.applied", nameof(Supporter), supporter.Id);
        }, ct);
        return (ApplyResult.Applied, supporter.Id);
    }

    /// <summary>
    /// Approves an application: the applicant becomes a Trainee with a supporter login and is mailed a link to choose
    /// its password (nobody else ever knows it). The login, the supporter's change, the audit entry and the mail are one
    /// transaction: Identity's store saves through the same context.
    /// </summary>
    public async Task<ApprovalResult> ApproveAsync(int supporterId, CancellationToken ct)
    {
        return await work.RunAsync(async unit =>
        {
            var supporter = await FindAsync(supporterId, ct);
            if (supporter.Status != SupporterStatus.Applicant || supporter.Email is null) return ApprovalResult.NotApplicant;

            var user = await users.FindByEmailAsync(supporter.Email);
            if (user is null)
            {
                var created = await accounts.CreateAsync(supporter.Email, supporter.Name, Roles.Supporter, password: null);
                if (!created.Succeeded) return unit.Discard(ApprovalResult.EmailInUse);
                user = await users.FindByEmailAsync(supporter.Email) ?? throw new InvalidOperationException("Account vanished after creation.");
            }
            // A supporter login without a supporter (made by hand, or before approvals were one transaction) may be reused; a
            // staff account or another supporter's may not.
            else if (await users.GetRolesAsync(user) is not [Roles.Supporter] || await db.Supporters.AnyAsync(s => s.UserId == user.Id, ct))
            {
                return unit.Discard(ApprovalResult.EmailInUse);
            }

            supporter.UserId = user.Id;
            supporter.Status = SupporterStatus.Trainee;
            audit.Record("supporter.approved", nameof(Supporter), supporter.Id);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var setupUrl = links.SetPassword(user.Id, token);
            await notifier.SupporterAsync(supporter.Id, SupporterNotice.Approved, null, ct, setupUrl);
            return ApprovalResult.Approved;
        }, ct);
    }

    /// <summary>
    /// 休止: declines an application, or rests a supporter who stops helping; they keep their records. Returns how many
    /// classes ahead they are still on, for the coordinator to restaff (they are not removed behind anyone's back).
    /// </summary>
    public async Task<int> DeactivateAsync(int supporterId, CancellationToken ct)
    {
        return await work.RunAsync(async unit =>
        {
            var supporter = await FindAsync(supporterId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var ahead = await db.Assignments.Counted().CountAsync(a => a.SupporterId == supporterId && a.ClassSession.StartsAtUtc > now
                && a.ClassSession.Status != Classes.ClassSessionStatus.Cancelled, ct);
            if (supporter.Status == SupporterStatus.Inactive) return ahead;
            audit.Record("supporter.deactivated", nameof(Supporter), supporter.Id, $"was={supporter.Status}");
            supporter.Status = SupporterStatus.Inactive;
            // A rested supporter's open sessions end now: the stamp in their cookie no longer matches (validated on every
            // request), and sign-in refuses them while they rest. Their calendar feed answers 404 meanwhile.
            if (supporter.UserId is not null && await users.FindByIdAsync(supporter.UserId) is { } user) await users.UpdateSecurityStampAsync(user);
            return ahead;
        }, ct);
    }

    /// <summary>
    /// Back from rest: to the level of a certification still current, to Trainee when they have a login, otherwise to
    /// Applicant (a declined application reconsidered).
    /// </summary>
    public async Task ReactivateAsync(int supporterId, CancellationToken ct)
    {
        await work.RunAsync(async unit =>
        {
            var supporter = await FindAsync(supporterId, ct);
            if (supporter.Status != SupporterStatus.Inactive) return;
            var now = clock.GetUtcNow().UtcDateTime;
            var current = await db.Certifications.Where(c => c.SupporterId == supporterId && c.ExpiresAtUtc > now)
                .OrderByDescending(c => c.IssuedAtUtc).Select(c => (SupporterStatus?)c.Level).FirstOrDefaultAsync(ct);
            supporter.Status = current ?? (supporter.UserId is null ? SupporterStatus.Applicant : SupporterStatus.Trainee);
            audit.Record("supporter.reactivated", nameof(Supporter), supporter.Id, $"now={supporter.Status}");
        }, ct);
    }

    /// <summary>The secret of the supporter's calendar feed address, issued the first time they look for it.</summary>
    public async Task<string> FeedTokenAsync(int supporterId, CancellationToken ct)
    {
        await work.RunAsync(async unit =>
        {
            if (await unit.UpdateAsync(db.Supporters.Where(s => s.Id == supporterId && s.CalendarFeedToken == null),
                    s => s.SetProperty(x => x.CalendarFeedToken, NewFeedToken()), ct) == 1)
                audit.Record("supporter.feed-issued", nameof(Supporter), supporterId);
        }, ct);
        return await db.Supporters.Where(s => s.Id == supporterId).Select(s => s.CalendarFeedToken!).SingleAsync(ct);
    }

    /// <summary>A new feed address for a supporter who shared the old one by mistake; the old one stops at once.</summary>
    public Task RenewFeedTokenAsync(int supporterId, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            await unit.UpdateAsync(db.Supporters.Where(s => s.Id == supporterId), s => s.SetProperty(x => x.CalendarFeedToken, NewFeedToken()), ct);
            audit.Record("supporter.feed-renewed", nameof(Supporter), supporterId);
        }, ct);

    private static string NewFeedToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>Replaces the weekly pattern.</summary>
    public Task SaveWeeklyAsync(int supporterId, IReadOnlyCollection<WeeklySlot> slots, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            await unit.DeleteAsync(db.WeeklyAvailability.Where(a => a.SupporterId == supporterId), ct);
            db.WeeklyAvailability.AddRange(slots.Distinct().Select(s => new WeeklyAvailability
            {
                SupporterId = supporterId, Weekday = s.Weekday, StartMinute = s.StartMinute, EndMinute = s.EndMinute,
            }));
            audit.Record("supporter.availability-changed", nameof(Supporter), supporterId, $"slots={slots.Count}");
        }, ct);

    public async Task<DayOffResult> AddDayOffAsync(int supporterId, DateOnly date, string? note, CancellationToken ct)
    {
        if (date < JapaneseTime.TodayInTokyo(clock)) return DayOffResult.InThePast;
        if (await db.AvailabilityExceptions.AnyAsync(e => e.SupporterId == supporterId && e.Date == date, ct)) return DayOffResult.AlreadyOff;
        await work.RunAsync(async unit =>
        {
            db.AvailabilityExceptions.Add(new AvailabilityException { SupporterId = supporterId, Date = date, Note = note });
            await unit.SaveAsync(ct);
            audit.Record("supporter.day-off-added", nameof(Supporter), supporterId, $"{date:yyyy-MM-dd}");
        }, ct);
        return DayOffResult.Added;
    }

    /// <summary>Removes one of the supporter's own days off; another supporter's id does nothing.</summary>
    public Task RemoveDayOffAsync(int supporterId, int dayOffId, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            if (await unit.DeleteAsync(db.AvailabilityExceptions.Where(e => e.Id == dayOffId && e.SupporterId == supporterId), ct) == 0) return unit.Discard(false);
            audit.Record("supporter.day-off-removed", nameof(Supporter), supporterId, $"dayoff={dayOffId}");
            return true;
        }, ct);

    private async Task<Supporter> FindAsync(int supporterId, CancellationToken ct) =>
        await db.Supporters.SingleOrDefaultAsync(s => s.Id == supporterId, ct) ?? throw new KeyNotFoundException($"Supporter {supporterId}");
}
