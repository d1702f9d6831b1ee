using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Accounts;

/// <summary>
/// One failed sign-in step (password, authenticator code or recovery code) for an account from one client; an attempt is
/// written before it is tried (<see cref="SignInThrottle.BeginAsync"/>) and removed when it turns out not to be a failure.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; set; }

    /// <summary>The account's id, or <see cref="SignInThrottle.UnknownAddress"/>'s key when no account may sign in with the address.</summary>
    public string Account { get; set; } = "";

    /// <summary>The client the attempt came from, as the rate limits count clients (an IPv4 address, an IPv6 /64).</summary>
    public string Source { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> failure)
    {
        failure.Property(f => f.Account).HasMaxLength(64);
        failure.Property(f => f.Source).HasMaxLength(64);
        failure.HasIndex(f => new { f.Account, f.Source, f.AtUtc });
    }
}

/// <summary>
/// The sign-in lockout, counted per account <b>and</b> client: five failed steps from one client within 15 minutes lock
/// that account for that client only. A stranger who knows a coordinator's address can lock it for themselves, never for
/// the coordinator at the city's office; guessing stays at five tries per client per quarter hour. The moment an account
/// locks is audited (<c>account.locked</c>, with the client), which is what /Admin/Accounts shows.
/// </summary>
public sealed class SignInThrottle(AppDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    public const int Limit = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const string LockedAction = "account.locked";
    private const string UnknownPrefix = "address:";

    /// <summary>
    /// The key of an address that has no account (or one that may not sign in): counted like an account, so that both
    /// answers take the same work. Only a hash is kept of what a stranger typed.
    /// </summary>
    public static string UnknownAddress(string normalizedAddress) =>
        UnknownPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedAddress)))[..48];

    /// <summary>
    /// Counts an attempt <b>before</b> its password or code is checked, and answers whether it may be checked: null when
    /// five attempts of this account and client in the window came before it. Counted first, so attempts racing each
    /// other (or on two instances) cannot all pass the check. The attempt stays counted as a failure unless
    /// <see cref="EndAsync"/> or a completed sign-in removes it.
    /// </summary>
    public async Task<SignInAttempt?> BeginAsync(string account, string source, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var failures = db.SignInFailures;
        var attempt = new SignInFailure { Account = account, Source = source, AtUtc = now };
        // Committed at once, before anything is counted: that is what racing attempts see.
        await work.RunAsync(async unit =>
        {
            // What no longer counts is not kept: the table holds at most the last quarter hour of each account's failures.
            await unit.DeleteAsync(failures.Where(f => f.Account == account && f.AtUtc <= since), ct);
            failures.Add(attempt);
        }, ct);
        // Every attempt in the window, its own included, counts — also those still being tried: of attempts racing, the
        // k-th to be written sees at least k, so no more than five are ever tried (a burst may be refused whole).
        var place = await failures.CountAsync(f => f.Account == account && f.Source == source && f.AtUtc > since, ct);
        if (place <= Limit) return new SignInAttempt(attempt.Id, account, source, place);
        // Refused without trying: it does not lengthen the lock, which ends a quarter hour after the fifth failure.
        await ForgetAsync(attempt.Id, ct);
        return null;
    }

    /// <summary>
    /// The attempt failed: it stays counted; the fifth failure locks, and that is audited (by the attempt that saw five,
    /// which at least one of the five does).
    /// </summary>
    public async Task FailedAsync(SignInAttempt attempt, CancellationToken ct = default)
    {
        if (attempt.Place != Limit || attempt.Account.StartsWith(UnknownPrefix, StringComparison.Ordinal)) return;
        await work.RunAsync(_ => audit.Record(LockedAction, nameof(AppUser), attempt.Account, $"接続元 {attempt.Source}、{Window.TotalMinutes:0}分間"), ct);
    }

    /// <summary>The attempt was not a failure (the password was right, a second step follows): it no longer counts.</summary>
    public Task EndAsync(SignInAttempt attempt, CancellationToken ct = default) => ForgetAsync(attempt.Id, ct);

    /// <summary>A completed sign-in forgets that client's failures for the account.</summary>
    public Task ClearAsync(string account, string source, CancellationToken ct = default) =>
        work.RunAsync(unit => unit.DeleteAsync(db.SignInFailures.Where(f => f.Account == account && f.Source == source), ct), ct);

    private Task ForgetAsync(long attemptId, CancellationToken ct) =>
        work.RunAsync(unit => unit.DeleteAsync(db.SignInFailures.Where(f => f.Id == attemptId), ct), ct);

    /// <summary>
    /// The clients the account is locked for now and until when, for /Admin/Accounts; empty when it is not locked.
    /// </summary>
    public async Task<IReadOnlyList<SignInLock>> LocksOfAsync(string account, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var recent = await db.SignInFailures.AsNoTracking().Where(f => f.Account == account && f.AtUtc > since)
            .Select(f => new { f.Source, f.AtUtc }).ToListAsync(ct);
        return [.. recent.GroupBy(f => f.Source).Where(g => g.Count() >= Limit)
            .Select(g => new SignInLock(g.Key, g.OrderByDescending(f => f.AtUtc).Skip(Limit - 1).First().AtUtc + Window))
            .OrderBy(l => l.Source, StringComparer.Ordinal)];
    }

    /// <summary>The accounts locked for some client now.</summary>
    public async Task<IReadOnlySet<string>> LockedAccountsAsync(CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var locked = await db.SignInFailures.AsNoTracking().Where(f => f.AtUtc > since && !f.Account.StartsWith(UnknownPrefix))
            .GroupBy(f => new { f.Account, f.Source }).Where(g => g.Count() >= Limit).Select(g => g.Key.Account).Distinct().ToListAsync(ct);
        return locked.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>An administrator's unlock: every client's failures for the account, removed with the caller's save.</summary>
    public async Task<bool> ForgetAllAsync(string account, CancellationToken ct = default)
    {
        var failures = await db.SignInFailures.Where(f => f.Account == account).ToListAsync(ct);
        db.SignInFailures.RemoveRange(failures);
        return failures.Count > 0;
    }
}

/// <summary>An attempt counted by <see cref="SignInThrottle.BeginAsync"/>, which saw <paramref name="Place"/> attempts of its account and client in the window.</summary>
public sealed record SignInAttempt(long Id, string Account, string Source, int Place);

/// <summary>An account locked for one client until <paramref name="UntilUtc"/>.</summary>
public sealed record SignInLock(string Source, DateTime UntilUtc);
