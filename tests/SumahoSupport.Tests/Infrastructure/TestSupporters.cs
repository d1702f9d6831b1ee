using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>A supporter of the test's own, and the login it signs in with when it has one.</summary>
public sealed record TestSupporter(int Id, string Email, string? Password);

/// <summary>
/// Supporters a test makes for itself. The demo supporters are on the demo schedule's classes, which fall on
/// different hours each weekday, so a test that puts them on its own class passes on some days and not others; a
/// supporter of the test's own is free whenever the test runs.
/// </summary>
public static class TestSupporters
{
    private static int counter;

    /// <summary>
    /// A supporter with <paramref name="status"/> (Certified and Lead with a valid certification), free every day from
    /// 8:00 to 21:00; with <paramref name="signsIn"/>, also a supporter login with a password of its own.
    /// </summary>
    public static Task<TestSupporter> AddSupporterAsync(this AppFactory app, SupporterStatus status, bool signsIn = false) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var number = Interlocked.Increment(ref counter);
            var email = $"supporter-{number}-{Guid.NewGuid():N}@example.jp";
            string? userId = null, password = null;
            if (signsIn)
            {
                var users = s.GetRequiredService<UserManager<AppUser>>();
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"試験 支援員{number}" };
                password = $"Test-Supporter-{Guid.NewGuid():N}";
                AssertSucceeded(await users.CreateAsync(user, password));
                AssertSucceeded(await users.AddToRoleAsync(user, Roles.Supporter));
                userId = user.Id;
            }
            var certified = status is SupporterStatus.Certified or SupporterStatus.Lead;
            var supporter = new Supporter
            {
                Name = $"試験 支援員{number}", Kana = "しけん しえんいん", Phone = TestData.NextPhone(), Email = email, Area = "中央地区",
                Status = status, KnowsAndroid = true, KnowsIPhone = true, UserId = userId, CreatedAtUtc = now,
                CertifiedAtUtc = certified ? now.AddMonths(-6) : null,
                WeeklyAvailability = [.. Enum.GetValues<DayOfWeek>().Select(day => new WeeklyAvailability { Weekday = day, StartMinute = 8 * 60, EndMinute = 21 * 60 })],
                Certifications = certified
                    ? [new Certification
                    {
                        Level = status,
                        Basis = status == SupporterStatus.Lead ? CertificationBasis.LeadGrant : CertificationBasis.Training,
                        IssuedAtUtc = now.AddMonths(-6), ExpiresAtUtc = now.AddMonths(6), PublicId = Certification.NewPublicId(),
                    }]
                    : [],
            };
            db.Supporters.Add(supporter);
            await db.SaveChangesAsync();
            return new TestSupporter(supporter.Id, email, password);
        });

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
