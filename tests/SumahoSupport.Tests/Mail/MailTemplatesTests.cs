using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Mail;

public sealed class MailTemplatesTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "templates", "mail");
    private readonly string directory = Path.Combine(Path.GetTempPath(), "sumaho-templates", Guid.NewGuid().ToString("N"));

    public MailTemplatesTests()
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Shipped, "*.liquid")) File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
    }

    [Fact]
    public void ShippedTemplates_RenderPoliteJapaneseWithEveryValueFilledIn()
    {
        var mail = new MailTemplates(Shipped).Render("booking-confirmed", MailModel.Sample.Set("name", "山田 花子").Set("booking_code", "K7M-4PX"));
        Assert.StartsWith("【〔city_name〕】スマホ教室のご予約を受け付けました", mail.Subject, StringComparison.Ordinal);
        Assert.StartsWith("山田 花子 様", mail.Text, StringComparison.Ordinal);
        Assert.Contains("予約番号：K7M-4PX", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<p>山田 花子 様</p>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEnglishTemplate_IsUsedForEnglish_AndWritesNoJapaneseOfItsOwn_WhileJapaneseStaysJapanese()
    {
        var templates = new MailTemplates(Shipped);
        var english = Directory.GetFiles(Path.Combine(Shipped, "en"), "*.liquid").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(13, english.Count);
        foreach (var name in english)
        {
            RenderedMail mail;
            using (Languages.Use(Languages.EnglishCode)) mail = templates.Render(name!, MailModel.Sample);
            // The sample fills every variable with 〔name〕, so any Japanese letter left is the template's own.
            Assert.DoesNotMatch(MissingTranslations.JapaneseLetters(), mail.Subject + mail.Text);
            Assert.StartsWith("[〔city_name〕]", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\">", mail.Html, StringComparison.Ordinal);
            Assert.StartsWith("【〔city_name〕】", templates.Render(name!, MailModel.Sample).Subject, StringComparison.Ordinal);
        }
        // A message without an English template (to supporters and staff) is sent in Japanese.
        using (Languages.Use(Languages.EnglishCode))
            Assert.Contains("<html lang=\"ja\">", templates.Render("supporter-assignment", MailModel.Sample).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EscapesWhatResidentsTypedAndLinksAddresses()
    {
        var mail = new MailTemplates(Shipped).Render("booking-confirmed",
            MailModel.Sample.Set("name", "<script>x</script>").Set("manage_url", "https://example.jp/Bookings/K7M-4PX?token=a&b"));
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.jp/Bookings/K7M-4PX?token=a&amp;b\">", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_MakesThePhoneNumberOneTapToDial_ButNotDigitsInsideALink()
    {
        var mail = new MailTemplates(Shipped).Render("booking-confirmed",
            MailModel.Sample.Set("help_phone", "0267-12-3456").Set("manage_url", "https://example.jp/Bookings/K7M-4PX?token=a0120-000-0000"));
        Assert.Contains("<a href=\"tel:0267123456\">0267-12-3456</a>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.jp/Bookings/K7M-4PX?token=a0120-000-0000\">", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:01200000000", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownVariable_StopsLoadingWithTheFileAndLine()
    {
        File.WriteAllText(Path.Combine(directory, "reminder.liquid"), "件名: 明日です\n---\n{{ name }} 様\n\n会場: {{ venue_nmae }}\n");
        var error = Assert.Throws<InvalidOperationException>(() => new MailTemplates(directory));
        Assert.Contains("reminder.liquid:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains("venue_nmae", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownVariableInACondition_IsFoundToo()
    {
        File.WriteAllText(Path.Combine(directory, "reminder.liquid"), "件名: 明日です\n---\n{% if seat_number %}席{% endif %}\n");
        Assert.Contains("reminder.liquid:3:", Assert.Throws<InvalidOperationException>(() => new MailTemplates(directory)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenLiquidOrAMissingSubject_AreRefused()
    {
        File.WriteAllText(Path.Combine(directory, "reminder.liquid"), "件名: 明日です\n---\n{% if name %}閉じていない\n");
        Assert.Contains("reminder.liquid", Assert.Throws<InvalidOperationException>(() => new MailTemplates(directory)).Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "reminder.liquid"), "{{ name }} 様\n");
        Assert.Contains("reminder.liquid:1: 1行目に「件名: …」", Assert.Throws<InvalidOperationException>(() => new MailTemplates(directory)).Message, StringComparison.Ordinal);
        File.Delete(Path.Combine(directory, "reminder.liquid"));
        Assert.Contains("reminder.liquid がありません", Assert.Throws<InvalidOperationException>(() => new MailTemplates(directory)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheApp_RefusesToStartWithABrokenTemplate()
    {
        File.WriteAllText(Path.Combine(directory, "booking-changed.liquid"), "件名: 変更\n---\n{{ new_time }}\n");
        using var app = new TemplateDirectoryAppFactory(directory);
        var error = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("booking-changed.liquid:3:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private sealed class TemplateDirectoryAppFactory(string templates) : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:TemplateDirectory", templates);
        }
    }
}
