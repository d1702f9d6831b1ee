using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// A visitor who reads English: chooses English in the header, books a class, receives the English mail with its
/// calendar invitation through a real SMTP server, opens the mail's link on another device (which opens in English) and
/// cancels there, and receives the English withdrawal of the invitation.
/// </summary>
public sealed class EnglishJourneyBrowserTests(SmtpBrowserApp browser) : IClassFixture<SmtpBrowserApp>
{
    [Fact]
    public async Task AVisitorBooksInEnglish_GetsTheEnglishMailAndInvitation_AndCancelsInEnglishFromTheMailsLink()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 6);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/Classes/{session}");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FollowAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Book this class" }).ClickAsync(), $"**/Classes/{session}/Book");
        await page.GetByLabel("Name Required", new() { Exact = true }).FillAsync("Alex Smith");
        await page.GetByLabel("Name in kana").FillAsync("アレックス スミス");
        await page.GetByLabel("Phone number").FillAsync("080-2468-1357");
        await page.GetByLabel("E-mail address (if you have one)").FillAsync("alex@example.com");
        await page.GetByLabel("iPhone", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("I agree to how my personal information is used").CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "english-book-form");
        await page.SubmitAndExpectCheckStepAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Continue to check my details" }).ClickAsync());
        Assert.Equal("Check your details", await page.Locator("h1").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "english-book-check");
        await page.SubmitAndExpectRedirectAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Book with these details" }).ClickAsync(), "**/Bookings/*done=booked*");
        Assert.Equal("Your booking is confirmed", await page.Locator("h1").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "english-booking-confirmed");

        await browser.App.DispatchMailAsync();
        var confirmation = Assert.Single(browser.Smtp.Received(), m => m.To.Mailboxes.Any(a => a.Address == "alex@example.com"));
        Assert.Contains("Your smartphone class is booked", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Dear Alex Smith,", confirmation.TextBody ?? "", StringComparison.Ordinal);
        var invitation = Calendar(confirmation);
        Assert.Contains("METHOD:REQUEST", invitation, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:What to bring:", invitation, StringComparison.Ordinal);

        // The link in the mail, opened on another device that has never seen the site: it opens in English.
        // The manage link (the mail also links the class's page, for its map).
        var link = Regex.Match(confirmation.TextBody ?? "", @"https://\S+/Display\?lang=en&returnUrl=(%2F|/)Bookings\S+").Value;
        var phone = await browser.NewPageAsync();
        await phone.GotoAsync(new Uri(link).PathAndQuery);
        Assert.Equal("en", await phone.EvaluateAsync<string>("document.documentElement.lang"));
        await phone.FollowAsync(() => phone.GetByRole(AriaRole.Link, new() { Name = "Cancel this booking" }).ClickAsync(), "**/Cancel?token=*");
        Assert.Equal("Cancel this booking?", await phone.Locator("h1").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(phone);
        await phone.SubmitAndExpectRedirectAsync(
            () => phone.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel" }).ClickAsync(), "**/Bookings/*done=cancelled*");
        Assert.Equal("Cancelled", await phone.Locator("h1").InnerTextAsync());
        await Screenshots.SaveAsync(phone, "english-booking-cancelled");

        await browser.App.DispatchMailAsync();
        // Both mails carry the test clock's time, so they are told apart by their invitation, not by their order.
        var withdrawal = Assert.Single(browser.Smtp.Received(),
            m => m.To.Mailboxes.Any(a => a.Address == "alex@example.com") && Calendar(m).Contains("METHOD:CANCEL", StringComparison.Ordinal));
        Assert.Contains("Your smartphone class booking is cancelled", withdrawal.Subject, StringComparison.Ordinal);
    }

    /// <summary>The text/calendar part, its folded lines joined.</summary>
    private static string Calendar(MimeMessage message)
    {
        var part = message.BodyParts.OfType<MimePart>().First(p => p.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return Regex.Replace(System.Text.Encoding.UTF8.GetString(stream.ToArray()), "\r\n[ \t]", "");
    }
}
