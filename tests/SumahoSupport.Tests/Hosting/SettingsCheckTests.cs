using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Hosting;

/// <summary>
/// A city's settings are checked when the app starts: each mistake stops it with a message naming the key, before any
/// resident meets it (a localhost link in a mail, an SMTP login that cannot work, a target over 100%).
/// </summary>
public sealed class SettingsCheckTests
{
    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "Production", "Mail:PublicBaseUrl", "http://localhost:5080", "Mail:PublicBaseUrl" },
        { "Production", "Mail:PublicBaseUrl", "http://sumaho.city.example.jp", "https://" },
        { "Production", "Mail:PublicBaseUrl", "https://127.0.0.1:8443", "Mail:PublicBaseUrl" },
        { "Development", "Mail:PublicBaseUrl", "sumaho.city.example.jp", "Mail:PublicBaseUrl" },
        { "Development", "Mail:From", "noreply", "Mail:From" },
        { "Development", "Mail:Smtp:User", "sumaho", "Mail:Smtp:Host" },
        { "Development", "Mail:Inbox:Password", "secret", "Mail:Inbox:Host" },
        { "Development", "Mail:Inbox:Host", "imap.city.example.jp", "Mail:Inbox:User" },
        { "Development", "Survey:TargetRate", "1.5", "Survey:TargetRate" },
        { "Development", "Survey:TargetRate", "0", "Survey:TargetRate" },
        { "Development", "Privacy:RetentionMonths", "0", "Privacy:RetentionMonths" },
        { "Development", "Supporters:CertificationValidMonths", "0", "Supporters:CertificationValidMonths" },
        { "Development", "Mail:Dispatcher:MaxAttempts", "0", "Mail:Dispatcher:MaxAttempts" },
        { "Development", "Limits:Phone:PerDay", "0", "Limits:Phone:PerDay" },
        { "Development", "Limits:PublicPostsPerMinute", "0", "Limits:PublicPostsPerMinute" },
        { "Development", "Security:StaffIdleTimeoutMinutes", "0", "Security:StaffIdleTimeoutMinutes" },
        { "Development", "City:HelpPhone", "help", "City:HelpPhone" },
        { "Development", "City:Code", "102122", "City:Code" },
        { "Development", "OpenData:Licence", " ", "OpenData:Licence" },
        { "Development", "Database:LockTimeoutSeconds", "0", "Database:LockTimeoutSeconds" },
        // A channel switched on with a key missing names that key.
        { "Development", "Line:ChannelSecret", "secret", "Line:ChannelAccessToken" },
        { "Development", "Sms:Provider", "Twilio", "Sms:Twilio:AccountSid" },
        { "Development", "Sms:Provider", "NTT", "Sms:Provider" },
        { "Development", "Voice:Enabled", "true", "Sms:Provider" },
        { "Development", "Sms:MonthlyCap", "-1", "Sms:MonthlyCap" },
        { "Development", "Limits:WebhookPostsPerMinute", "0", "Limits:WebhookPostsPerMinute" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AMistakenSetting_StopsTheAppWithAMessageNamingIt(string environment, string key, string value, string named)
    {
        using var app = new ConfiguredAppFactory(environment, new Dictionary<string, string> { [key] = value });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Server);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistakenSetting_StopsTheAppBeforeItTouchesTheDatabase()
    {
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string> { ["Limits:Phone:PerDay"] = "0" });
        Assert.ThrowsAny<OptionsValidationException>(() => app.Server);
        // Neither migrated nor seeded: on SQLite the file is not even created; on a server the test's database has no demo data.
        if (AppFactory.Provider == "Sqlite") Assert.False(File.Exists(app.DatabasePath));
        else
        {
            using var db = TestDatabases.Context(app.ConnectionString);
            Assert.False(db.Courses.Any());
        }
    }

    [Fact]
    public void SmtpWithAUserButNoPassword_IsRefused()
    {
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "smtp.city.example.jp", ["Mail:Smtp:User"] = "sumaho",
        });
        Assert.Contains("Mail:Smtp:Password", Assert.ThrowsAny<OptionsValidationException>(() => app.Server).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductionConfiguredAsTheReadmeSays_Starts()
    {
        using var app = new ConfiguredAppFactory("Production", new Dictionary<string, string> { ["Seed:Demo"] = "false" });
        using var response = await app.CreateClient().GetAsync("/Classes");
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task WithACertificate_TheKeysThatSignCookiesAreStoredEncrypted()
    {
        var directory = Directory.CreateTempSubdirectory("sumaho-cert").FullName;
        var path = Path.Combine(directory, "dataprotection.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=SumahoSupport Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test-password"), TestContext.Current.CancellationToken);
        }
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = path, ["DataProtection:CertificatePassword"] = "test-password",
        });
        // A form makes the app create its first key.
        using (var page = await app.CreateClient().GetAsync("/Account/Login")) Assert.True(page.IsSuccessStatusCode);
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        Directory.Delete(directory, recursive: true);
    }
}
