using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Mail;

/// <summary>One message as the resident receives it, and the .eml file itself.</summary>
public sealed class ShowModel(AppDbContext db, IOptions<MailOptions> mail, IOptions<CityOptions> city) : PageModel
{
    public OutboxMessage Message { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (found is null) return NotFound();
        Message = found;
        return Page();
    }

    public async Task<IActionResult> OnGetEmlAsync(long id, CancellationToken ct)
    {
        var found = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.Channel == MessageChannel.Mail, ct);
        if (found is null) return NotFound();
        var message = MailComposer.Compose(found, mail.Value.From, $"{city.Value.Name} スマホ教室");
        var stream = new MemoryStream();
        await message.WriteToAsync(stream, ct);
        stream.Position = 0;
        return File(stream, "message/rfc822", PickupDirectoryTransport.FileNameFor(found.MessageId));
    }
}
