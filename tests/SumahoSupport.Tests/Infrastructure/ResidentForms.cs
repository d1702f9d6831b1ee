using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using SumahoSupport.Core.Bookings;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>A resident's booking and cancellation as a browser sends them, for tests that send many at once.</summary>
public static class ResidentForms
{
    /// <summary>GETs the booking form (its antiforgery cookie lands in <paramref name="client"/>) and fills it for a new resident.</summary>
    public static async Task<(HttpClient Client, Dictionary<string, string> Fields)> PrepareBookingAsync(HttpClient client, int session)
    {
        var page = await client.GetDocumentAsync($"/Classes/{session}/Book");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        return (client, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "高橋 次郎",
            ["Input.Kana"] = "たかはし じろう",
            ["Input.Phone"] = TestData.NextPhone(),
            ["Input.Email"] = $"{Guid.NewGuid():N}@example.jp",
            ["Input.Device"] = nameof(DeviceType.IPhone),
            ["Input.AgeBand"] = nameof(AgeBand.Eighties),
            ["Consent"] = "true",
        });
    }

    /// <summary>
    /// Posts every prepared form to <paramref name="path"/> at the same moment (each from its own client); each answer's
    /// status and where it redirects.
    /// </summary>
    public static async Task<(HttpStatusCode StatusCode, string Location)[]> PostAllAtOnceAsync(
        IEnumerable<(HttpClient Client, Dictionary<string, string> Fields)> forms, string path)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = forms.Select(async form =>
        {
            await go.Task;
            using var content = new FormUrlEncodedContent(form.Fields);
            using var response = await form.Client.PostAsync(path, content);
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString ?? "");
        }).ToList();
        go.SetResult();
        return await Task.WhenAll(posts);
    }

    /// <summary>Opens the manage link of a booking page's address and presses キャンセルする.</summary>
    public static async Task<HttpStatusCode> CancelThroughTheManageLinkAsync(HttpClient client, string showLink)
    {
        var uri = new Uri(new Uri("http://localhost"), showLink);
        var query = QueryHelpers.ParseQuery(uri.Query);
        using var response = await client.SubmitFormAsync($"{uri.AbsolutePath}/Cancel?token={Uri.EscapeDataString(query["token"]!)}", new Dictionary<string, string>());
        return response.StatusCode;
    }
}
